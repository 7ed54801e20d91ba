package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;

/** A new custom role for the caller's organization; null description means none. */
public record CreateRoleCommand(String name, String descriptionOrNull, Set<Permission> permissions) {
    public CreateRoleCommand {
        if (permissions == null) {
            throw new InvariantViolationException("permissions", "permissions must be a list of permission codes");
        }
        permissions = Set.copyOf(permissions);
    }
}
