package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;

/**
 * The permissions a role can grant: every context's own, as its migration catalogued them (table
 * {@code permissions}).
 */
public interface PermissionCatalogue {

    Set<Permission> all();

    /** Throws {@link InvariantViolationException} on {@code field} naming a permission the catalogue lacks. */
    default void requireKnown(String field, Set<Permission> permissions) {
        var known = all();
        for (var permission : permissions) {
            if (!known.contains(permission)) {
                throw new InvariantViolationException(field, field + " names an unknown permission: '"
                        + permission.code() + "'; known are " + known.stream().map(Permission::code).sorted().toList());
            }
        }
    }
}
