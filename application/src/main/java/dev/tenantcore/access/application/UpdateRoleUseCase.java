package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Role;

public interface UpdateRoleUseCase {

    /**
     * Changes a custom role; its holders get the new permissions at once. Built-in roles cannot be changed, and the
     * caller must hold every permission the role grants, before and after.
     */
    Role update(UpdateRoleCommand command);
}
