package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.Permission;
import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/** Permission codes as the database returns them ({@code text[]}) into the domain's catalogue. */
public final class PersistedPermissions {
    private PersistedPermissions() {
    }

    /**
     * A code the database knows and the code does not is a deployment mismatch (a migration ahead of the
     * service); it grants nothing rather than failing every request.
     */
    public static Set<Permission> fromArray(Array array) throws SQLException {
        var permissions = EnumSet.noneOf(Permission.class);
        if (array == null) {
            return permissions;
        }
        try {
            for (Object code : (Object[]) array.getArray()) {
                Permission.fromCode((String) code).ifPresent(permissions::add);
            }
            return permissions;
        } finally {
            array.free();
        }
    }
}
