package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.Permission;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The permission catalogue and the built-in roles' grants as the migrations wrote them: tests read them here
 * instead of repeating them, so a module's migration is the only place its permissions are granted.
 */
public final class DatabasePermissions {
    private DatabasePermissions() {
    }

    /** Every permission the catalogue (table permissions) holds. */
    public static Set<Permission> catalogue() {
        return query("SELECT name FROM permissions", null);
    }

    /** What the built-in role {@code role} ({@code owner}, {@code admin}, ...) grants. */
    public static Set<Permission> grantedTo(String role) {
        return query("SELECT permission FROM builtin_role_permissions WHERE role = ?", role);
    }

    private static Set<Permission> query(String sql, String parameter) {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            var permissions = new HashSet<Permission>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    permissions.add(new Permission(rows.getString(1)));
                }
            }
            return permissions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the permission catalogue", e);
        }
    }
}
