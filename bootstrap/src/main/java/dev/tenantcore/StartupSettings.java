package dev.tenantcore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What decides, before the application context exists, how Tenantcore starts. A development start may fall back to
 * the embedded database and a random access-token key; a production start (Micronaut environment {@code prod}) must
 * be given both, because either fallback would silently lose data or log everyone out at the next restart.
 */
record StartupSettings(boolean production, boolean databaseUrlSet, String jwtSecret, String previousJwtSecret,
        String logFormat, String pooler, boolean migratorUrlSet, boolean webhookKeySet) {
    static final String PRODUCTION_ENVIRONMENT = "prod";
    static final String JWT_SECRET_VARIABLE = "TENANTCORE_AUTH_JWT_SECRET";
    /** The key being retired while access tokens signed with it may still live: they are still accepted. */
    static final String PREVIOUS_JWT_SECRET_VARIABLE = "TENANTCORE_AUTH_JWT_PREVIOUS_SECRET";
    static final int JWT_SECRET_MIN_LENGTH = 32; // HS256 needs a 256-bit key
    static final String LOG_FORMAT_VARIABLE = "TENANTCORE_LOG_FORMAT";
    static final Set<String> LOG_FORMATS = Set.of("text", "json"); // the appenders in logback.xml
    static final String POOLER_VARIABLE = "TENANTCORE_DATABASE_POOLER";
    static final Set<String> POOLERS = Set.of("none", "pgbouncer");
    static final String MIGRATOR_URL_VARIABLE = "TENANTCORE_DATABASE_MIGRATOR_URL";
    /** AES-256 key for the webhooks' signing secrets at rest (AesGcmSecretCipher). */
    static final String WEBHOOK_KEY_VARIABLE = "TENANTCORE_WEBHOOKS_ENCRYPTION_KEY";

    /** Reads environment variables, or the system properties Micronaut maps them to. */
    static StartupSettings from(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        var environments = firstSet(environment.apply("MICRONAUT_ENVIRONMENTS"),
                systemProperties.apply("micronaut.environments"));
        var production = environments != null && Arrays.stream(environments.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .anyMatch(PRODUCTION_ENVIRONMENT::equals);
        var databaseUrl = firstSet(environment.apply(EmbeddedDatabase.Settings.URL_VARIABLE),
                systemProperties.apply("tenantcore.database.url"));
        var jwtSecret = firstSet(environment.apply(JWT_SECRET_VARIABLE),
                systemProperties.apply("tenantcore.auth.jwt-secret"));
        var migratorUrl = firstSet(environment.apply(MIGRATOR_URL_VARIABLE),
                systemProperties.apply("tenantcore.database.migrator-url"));
        var previousJwtSecret = firstSet(environment.apply(PREVIOUS_JWT_SECRET_VARIABLE),
                systemProperties.apply("tenantcore.auth.jwt-previous-secret"));
        return new StartupSettings(production, databaseUrl != null, jwtSecret, previousJwtSecret,
                environment.apply(LOG_FORMAT_VARIABLE),
                firstSet(environment.apply(POOLER_VARIABLE), systemProperties.apply("tenantcore.database.pooler")),
                migratorUrl != null, firstSet(environment.apply(WEBHOOK_KEY_VARIABLE),
                        systemProperties.apply("tenantcore.webhooks.encryption-key")) != null);
    }

    static StartupSettings fromProcess() {
        return from(System::getenv, System::getProperty);
    }

    /** Why the service must not start with these settings; empty when it may. */
    List<String> refusals() {
        var refusals = new ArrayList<String>();
        if (production && !databaseUrlSet) {
            refusals.add(EmbeddedDatabase.Settings.URL_VARIABLE + " is not set. A production start (environment '"
                    + PRODUCTION_ENVIRONMENT + "') never starts the embedded database: set it to the server's JDBC "
                    + "URL, for example jdbc:postgresql://db.internal:5432/tenantcore.");
        }
        if (production && jwtSecret == null) {
            refusals.add(JWT_SECRET_VARIABLE + " is not set. A production start needs the access-token key: the same "
                    + "random string of at least " + JWT_SECRET_MIN_LENGTH + " characters on every instance (for "
                    + "example from `openssl rand -base64 48`).");
        }
        if (production && !webhookKeySet) {
            refusals.add(WEBHOOK_KEY_VARIABLE + " is not set. A production start needs the key that encrypts webhook "
                    + "signing secrets: 32 random bytes in base64, the same on every instance (for example from "
                    + "`openssl rand -base64 32`).");
        }
        if (jwtSecret != null && jwtSecret.length() < JWT_SECRET_MIN_LENGTH) {
            refusals.add(JWT_SECRET_VARIABLE + " has " + jwtSecret.length() + " characters; it needs at least "
                    + JWT_SECRET_MIN_LENGTH + ".");
        }
        if (previousJwtSecret != null && previousJwtSecret.length() < JWT_SECRET_MIN_LENGTH) {
            refusals.add(PREVIOUS_JWT_SECRET_VARIABLE + " has " + previousJwtSecret.length() + " characters; it needs "
                    + "at least " + JWT_SECRET_MIN_LENGTH + ".");
        }
        if (previousJwtSecret != null && jwtSecret == null) {
            refusals.add(PREVIOUS_JWT_SECRET_VARIABLE + " is set but " + JWT_SECRET_VARIABLE + " is not: the previous "
                    + "key is only accepted beside the current one.");
        }
        if (logFormat != null && !LOG_FORMATS.contains(logFormat)) {
            refusals.add(LOG_FORMAT_VARIABLE + " is '" + logFormat + "'; it must be text or json.");
        }
        if (pooler != null && !POOLERS.contains(pooler)) {
            refusals.add(POOLER_VARIABLE + " is '" + pooler + "'; it must be none or pgbouncer.");
        }
        if ("pgbouncer".equals(pooler) && !migratorUrlSet) {
            refusals.add(POOLER_VARIABLE + " is pgbouncer but " + MIGRATOR_URL_VARIABLE + " is not set: migrations "
                    + "need a session of their own, so they must connect to the PostgreSQL server directly.");
        }
        return List.copyOf(refusals);
    }

    /**
     * The configuration these settings add: with a previous key, access tokens signed with it are still accepted
     * (new ones are signed with the current key, the signature named "generator" in application.yml).
     */
    Map<String, Object> properties() {
        return previousJwtSecret == null ? Map.of() : previousKeyProperties(previousJwtSecret);
    }

    static Map<String, Object> previousKeyProperties(String previousJwtSecret) {
        return Map.of(
                "micronaut.security.token.jwt.signatures.secret.previous.secret", previousJwtSecret,
                "micronaut.security.token.jwt.signatures.secret.previous.jws-algorithm", "HS256");
    }

    private static String firstSet(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
