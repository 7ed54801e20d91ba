package dev.tenantcore.shared.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates the roles and an empty database, as a superuser, by running the same scripts an operator runs on an
 * external server ({@code db/provisioning/*.sql}). Used for the embedded database and by the test harness; the
 * service itself never connects as a superuser.
 */
public final class DatabaseProvisioner {
    public static final String OWNER_ROLE = "tenantcore_owner";
    public static final String MIGRATOR_ROLE = "tenantcore_migrator";
    public static final String RUNTIME_ROLE = "tenantcore_app";
    /** Flyway's init SQL: every migration runs as the owner, whichever login ran Flyway. */
    public static final String MIGRATION_INIT_SQL = "SET ROLE " + OWNER_ROLE;

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseProvisioner() {
    }

    /**
     * Ensures the roles exist and that database {@code name} exists, owned by the owner role. Returns true if the
     * database was created now.
     */
    public static boolean provision(Connection superuser, String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (var statement = superuser.createStatement()) {
            statement.execute(script("roles.sql"));
        }
        try (var exists = superuser.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (var result = exists.executeQuery()) {
                if (result.next()) {
                    return false;
                }
            }
        }
        // CREATE DATABASE cannot run in a multi-statement string (it would be one implicit transaction).
        for (var sql : script("provision-database.sql").replace(":\"database\"", '"' + name + '"').split(";\\s*\n")) {
            var statement = withoutComments(sql);
            if (!statement.isBlank()) {
                try (var run = superuser.createStatement()) {
                    run.execute(statement);
                }
            }
        }
        return true;
    }

    /** Sets the password of the two login roles (servers that do not trust local connections need one). */
    public static void setLoginPasswords(Connection superuser, String password) throws SQLException {
        try (var statement = superuser.createStatement()) {
            for (var role : new String[] {MIGRATOR_ROLE, RUNTIME_ROLE}) {
                statement.execute("ALTER ROLE " + role + " PASSWORD '" + password.replace("'", "''") + "'");
            }
        }
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String script(String name) {
        var path = "db/provisioning/" + name;
        try (InputStream in = DatabaseProvisioner.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
