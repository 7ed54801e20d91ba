package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.Permission;
import java.sql.Array;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Permission codes as the database returns them ({@code text[]}), as the domain's permissions. */
public final class PersistedPermissions {
    private PersistedPermissions() {
    }

    public static Set<Permission> fromArray(Array array) throws SQLException {
        var permissions = new HashSet<Permission>();
        if (array == null) {
            return permissions;
        }
        try {
            for (Object code : (Object[]) array.getArray()) {
                permissions.add(new Permission((String) code));
            }
            return permissions;
        } finally {
            array.free();
        }
    }
}
