package dev.tenantcore.shared.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A fresh, migrated-on-first-use PostgreSQL database for this test JVM, from the first source available:
 * <ol>
 *   <li>an external server whose superuser JDBC URL is in {@value #EXTERNAL_URL_VARIABLE} (CI sets it to the
 *       PostgreSQL 15 on 127.0.0.1:5432, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres});</li>
 *   <li>Testcontainers ({@code postgres:18}) when a Docker engine answers;</li>
 *   <li>embedded PostgreSQL 18 (zonky binaries from Maven Central).</li>
 * </ol>
 * Roles and the database are provisioned as a superuser, exactly as an operator would; the application under test
 * then connects as the runtime role and migrates as the migrator role, never as a superuser. The database is
 * dropped when the JVM exits.
 */
public final class TestDatabase {
    public static final String EXTERNAL_URL_VARIABLE = "TENANTCORE_TEST_DATABASE_URL";
    /**
     * {@code host:port} of a PgBouncer in transaction mode in front of the test server: the runtime pool then
     * connects through it (declared as {@code tenantcore.database.pooler: pgbouncer}); migrations and superuser
     * set-up stay direct, as they must in production.
     */
    public static final String POOLER_VARIABLE = "TENANTCORE_TEST_POOLER";
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String LOGIN_PASSWORD = "tenantcore-test";
    private static TestDatabase shared;

    private final String source;
    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String database;

    private TestDatabase(String source, String host, int port, String adminUser, String adminPassword) {
        this.source = source;
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.database = "tenantcore_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = start();
            shared.provision();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::drop, "drop-test-database"));
        }
        return shared;
    }

    private static TestDatabase start() {
        var external = System.getenv(EXTERNAL_URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            Properties parsed = Driver.parseURL(external, new Properties());
            if (parsed == null) {
                throw new IllegalArgumentException(EXTERNAL_URL_VARIABLE + " is not a PostgreSQL JDBC URL: " + external);
            }
            return new TestDatabase("external server " + parsed.getProperty("PGHOST") + ":" + parsed.getProperty("PGPORT"),
                    parsed.getProperty("PGHOST"), Integer.parseInt(parsed.getProperty("PGPORT")),
                    parsed.getProperty("user", "postgres"), parsed.getProperty("password", ""));
        }
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer<>(DockerImageName.parse("postgres:18"));
            container.start();
            return new TestDatabase("Testcontainers postgres:18", container.getHost(), container.getFirstMappedPort(),
                    container.getUsername(), container.getPassword());
        }
        try {
            // zonky's default 10 s wait is too short on a busy CI machine.
            var embedded = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            return new TestDatabase("embedded PostgreSQL", "localhost", embedded.getPort(), "postgres", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers costs seconds and logs errors; with no socket and no DOCKER_HOST there is no engine.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private void provision() {
        try (var admin = connectAsSuperuser("postgres")) {
            DatabaseProvisioner.provision(admin, database);
            DatabaseProvisioner.setLoginPasswords(admin, LOGIN_PASSWORD);
            LOG.info("Test database {} on {} ({})", database, source, admin.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the test database on " + source, e);
        }
    }

    private void drop() {
        try (var admin = connectAsSuperuser("postgres"); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("could not drop test database {}: {}", database, e.getMessage());
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Configuration for a Micronaut context under test: the pool connects as the runtime role, Flyway migrates as
     * the migrator (as the service does in production; see bootstrap's application.yml).
     */
    public Map<String, Object> micronautProperties() {
        var properties = new LinkedHashMap<String, Object>();
        var pooler = System.getenv(POOLER_VARIABLE);
        if (pooler != null && !pooler.isBlank()) {
            properties.put("datasources.default.url", "jdbc:postgresql://" + pooler.strip() + "/" + database);
            properties.put("tenantcore.database.pooler", "pgbouncer");
        } else {
            properties.put("datasources.default.url", jdbcUrl());
        }
        properties.put("datasources.default.username", DatabaseProvisioner.RUNTIME_ROLE);
        properties.put("datasources.default.password", LOGIN_PASSWORD);
        properties.put("datasources.default.driver-class-name", ReconnectingDriver.class.getName());
        properties.put("datasources.default.dialect", "POSTGRES");
        // Not "default": Micronaut Flyway would then also migrate through the runtime pool, which must not be able to.
        properties.put("flyway.datasources.migrator.enabled", true);
        properties.put("flyway.datasources.migrator.url", jdbcUrl());
        properties.put("flyway.datasources.migrator.user", DatabaseProvisioner.MIGRATOR_ROLE);
        properties.put("flyway.datasources.migrator.password", LOGIN_PASSWORD);
        properties.put("flyway.datasources.migrator.init-sql", DatabaseProvisioner.MIGRATION_INIT_SQL);
        return properties;
    }

    /** A connection as the runtime role: what the service's pool uses. */
    public Connection connectAsRuntime() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DatabaseProvisioner.RUNTIME_ROLE, LOGIN_PASSWORD);
    }

    /**
     * A superuser connection to the test database. Only for setting up negative controls (what would leak if
     * isolation were broken) and for inspecting the catalog; never for the code under test.
     */
    public Connection connectAsSuperuser() throws SQLException {
        return connectAsSuperuser(database);
    }

    private Connection connectAsSuperuser(String databaseName) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + databaseName, adminUser,
                adminPassword);
    }

    @Override
    public String toString() {
        return database + " on " + source;
    }
}
