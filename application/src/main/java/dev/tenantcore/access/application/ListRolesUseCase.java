package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListRolesUseCase {

    /** The caller's organization's roles, built-in and custom, newest first. */
    Page<Role> list(PageRequest<RoleId> page);
}
