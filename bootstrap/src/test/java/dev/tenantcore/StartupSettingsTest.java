package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupSettingsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static StartupSettings settings(Map<String, String> environment) {
        return StartupSettings.from(environment::get, name -> null);
    }

    @Test
    void aDevelopmentStartMayFallBackToTheEmbeddedDatabaseAndARandomKey() {
        assertThat(settings(Map.of()).refusals()).isEmpty();
    }

    @Test
    void aProductionStartNeedsTheDatabaseUrlAndTheKey() {
        var refusals = settings(Map.of("MICRONAUT_ENVIRONMENTS", "cloud, prod")).refusals();
        assertThat(refusals).hasSize(3);
        assertThat(refusals.get(0)).startsWith("TENANTCORE_DATABASE_URL is not set");
        assertThat(refusals.get(1)).startsWith("TENANTCORE_AUTH_JWT_SECRET is not set");
        assertThat(refusals.get(2)).startsWith("TENANTCORE_WEBHOOKS_ENCRYPTION_KEY is not set");

        assertThat(settings(Map.of("MICRONAUT_ENVIRONMENTS", "prod",
                "TENANTCORE_DATABASE_URL", "jdbc:postgresql://db/tenantcore",
                "TENANTCORE_AUTH_JWT_SECRET", SECRET,
                "TENANTCORE_WEBHOOKS_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")).refusals())
                .isEmpty();
    }

    @Test
    void theEnvironmentMayComeFromTheSystemProperty() {
        var settings = StartupSettings.from(name -> null,
                name -> name.equals("micronaut.environments") ? "prod" : null);
        assertThat(settings.production()).isTrue();
    }

    @Test
    void aShortKeyIsRefusedInEveryEnvironment() {
        assertThat(settings(Map.of("TENANTCORE_AUTH_JWT_SECRET", "short")).refusals())
                .containsExactly("TENANTCORE_AUTH_JWT_SECRET has 5 characters; it needs at least 32.");
    }

    @Test
    void aPreviousKeyMustBeLongEnoughAndAccompanyTheCurrentOne() {
        assertThat(settings(Map.of("TENANTCORE_AUTH_JWT_SECRET", SECRET,
                "TENANTCORE_AUTH_JWT_PREVIOUS_SECRET", "short")).refusals())
                .containsExactly("TENANTCORE_AUTH_JWT_PREVIOUS_SECRET has 5 characters; it needs at least 32.");
        assertThat(settings(Map.of("TENANTCORE_AUTH_JWT_PREVIOUS_SECRET", SECRET)).refusals()).singleElement()
                .asString().startsWith("TENANTCORE_AUTH_JWT_PREVIOUS_SECRET is set but TENANTCORE_AUTH_JWT_SECRET");
        var rotating = settings(Map.of("TENANTCORE_AUTH_JWT_SECRET", SECRET,
                "TENANTCORE_AUTH_JWT_PREVIOUS_SECRET", SECRET.toUpperCase(java.util.Locale.ROOT)));
        assertThat(rotating.refusals()).isEmpty();
        assertThat(rotating.properties()).containsEntry(
                "micronaut.security.token.jwt.signatures.secret.previous.secret", SECRET.toUpperCase(java.util.Locale.ROOT));
        assertThat(settings(Map.of()).properties()).isEmpty();
    }

    @Test
    void anUnknownLogFormatIsRefused() {
        assertThat(settings(Map.of("TENANTCORE_LOG_FORMAT", "xml")).refusals())
                .containsExactly("TENANTCORE_LOG_FORMAT is 'xml'; it must be text or json.");
        assertThat(settings(Map.of("TENANTCORE_LOG_FORMAT", "json")).refusals()).isEmpty();
    }

    @Test
    void aTransactionPoolerNeedsADirectUrlForMigrations() {
        assertThat(settings(Map.of("TENANTCORE_DATABASE_POOLER", "pgbouncer")).refusals()).singleElement()
                .asString().startsWith("TENANTCORE_DATABASE_POOLER is pgbouncer but TENANTCORE_DATABASE_MIGRATOR_URL");
        assertThat(settings(Map.of("TENANTCORE_DATABASE_POOLER", "pgbouncer",
                "TENANTCORE_DATABASE_MIGRATOR_URL", "jdbc:postgresql://db:5432/tenantcore")).refusals()).isEmpty();
        assertThat(settings(Map.of("TENANTCORE_DATABASE_POOLER", "odyssey")).refusals())
                .containsExactly("TENANTCORE_DATABASE_POOLER is 'odyssey'; it must be none or pgbouncer.");
    }
}
