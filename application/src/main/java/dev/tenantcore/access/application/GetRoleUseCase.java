package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;

public interface GetRoleUseCase {

    /** One of the caller's organization's roles; {@link dev.tenantcore.shared.domain.ResourceNotFoundException} otherwise. */
    Role get(RoleId id);
}
