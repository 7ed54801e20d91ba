package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteRoleUseCase {

    /**
     * Deletes a custom role; members and keys holding it lose it. Built-in roles cannot be deleted, and the caller
     * must hold every permission the role grants.
     */
    void delete(RoleId id, ExpectedVersion expectedVersion);
}
