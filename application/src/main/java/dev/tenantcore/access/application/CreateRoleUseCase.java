package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Role;

public interface CreateRoleUseCase {

    /** A custom role; it may grant only permissions the caller holds itself. */
    Role create(CreateRoleCommand command);
}
