package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.PermissionCatalogue;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;

/** The catalogue as the migrations wrote it: global reference data that every organization reads alike. */
@Singleton
final class JdbcPermissionCatalogue implements PermissionCatalogue {
    private final JdbcOperations jdbc;

    JdbcPermissionCatalogue(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Permission> all() {
        return jdbc.prepareStatement("SELECT name FROM permissions", statement -> {
            var permissions = new HashSet<Permission>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    permissions.add(new Permission(rows.getString(1)));
                }
            }
            return permissions;
        });
    }
}
