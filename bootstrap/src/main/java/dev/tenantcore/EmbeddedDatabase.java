package dev.tenantcore;

import dev.tenantcore.shared.adapter.persistence.DatabaseProvisioner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration database: a real PostgreSQL 18 (binaries from Maven Central) whose data directory
 * survives restarts. Provisioned like any external server (roles, then a database owned by the owner role); the
 * service then connects as the runtime role and migrates as the migrator, never as the superuser.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "tenantcore";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Read before the application context exists, from an environment variable or the system property that
     * Micronaut would map it to ({@code TENANTCORE_DATABASE_URL} or {@code -Dtenantcore.database.url}).
     */
    record Settings(String externalUrl, Path dataDirectory, int port, Map<String, String> serverSettings) {
        static final String URL_VARIABLE = "TENANTCORE_DATABASE_URL";
        static final String DATA_DIRECTORY_VARIABLE = "TENANTCORE_EMBEDDED_DATA_DIR";
        static final String PORT_VARIABLE = "TENANTCORE_EMBEDDED_PORT";
        /** Extra postgresql.conf settings, {@code name=value} separated by {@code ;} (the benchmark preloads
         * pg_stat_statements this way). */
        static final String SERVER_SETTINGS_VARIABLE = "TENANTCORE_EMBEDDED_SERVER_SETTINGS";

        static Settings fromEnvironment() {
            var dataDirectory = setting(DATA_DIRECTORY_VARIABLE);
            var port = setting(PORT_VARIABLE);
            return new Settings(
                    setting(URL_VARIABLE),
                    dataDirectory == null
                            ? Path.of(System.getProperty("user.home"), ".tenantcore", "postgres-18")
                            : Path.of(dataDirectory),
                    port == null ? 0 : Integer.parseInt(port),
                    parseServerSettings(setting(SERVER_SETTINGS_VARIABLE)));
        }

        private static Map<String, String> parseServerSettings(String value) {
            var settings = new LinkedHashMap<String, String>();
            if (value != null) {
                for (var pair : value.split(";")) {
                    var separator = pair.indexOf('=');
                    if (separator <= 0) {
                        throw new IllegalArgumentException(SERVER_SETTINGS_VARIABLE + ": expected name=value, got '"
                                + pair + "'");
                    }
                    settings.put(pair.substring(0, separator).strip(), pair.substring(separator + 1).strip());
                }
            }
            return settings;
        }

        private static String setting(String name) {
            var value = System.getenv(name);
            if (value == null || value.isBlank()) {
                value = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            }
            return value == null || value.isBlank() ? null : value;
        }

        boolean externalDatabaseConfigured() {
            return externalUrl != null;
        }
    }

    static EmbeddedDatabase start(Settings settings) {
        var dataDirectory = settings.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory.getParent());
            refuseIfInUse(dataDirectory);
            LOG.info("Starting embedded PostgreSQL 18; data directory {} (set {} to change it)", dataDirectory,
                    Settings.DATA_DIRECTORY_VARIABLE);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky tunes for throwaway test databases (-F, no synchronous commit); this one keeps data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false) // Application stops it after the context
                    // zonky's 10 s is too short for a server with fsync on, a large buffer cache and a busy machine:
                    // a CI run saw it give up ("Connection refused") on a server that was still starting.
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings.serverSettings().forEach(builder::setServerConfig);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            var database = new EmbeddedDatabase(builder.start());
            database.provision();
            LOG.info("Embedded PostgreSQL listening at {}", database.jdbcUrl());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A server left running on this directory (say, after kill -9) would make start-up time out obscurely. */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("A PostgreSQL server (pid " + pid + ") is still running on " + dataDirectory
                    + ", probably left by a Tenantcore that was killed. Stop it (kill " + pid
                    + ") or point " + Settings.DATA_DIRECTORY_VARIABLE + " at another directory.");
        }
    }

    private void provision() {
        try (var superuser = postgres.getPostgresDatabase().getConnection()) {
            if (DatabaseProvisioner.provision(superuser, DATABASE)) {
                LOG.info("Created database {} and its roles", DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the embedded database", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The key an operator sets for an external server; the roles' defaults in application.yml apply as they are. */
    Map<String, Object> connectionProperties() {
        return Map.of("tenantcore.database.url", jdbcUrl());
    }

    /** Stops the server (a fast shutdown: open transactions roll back, committed data is on disk). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
