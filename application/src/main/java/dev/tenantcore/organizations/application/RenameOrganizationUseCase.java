package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Organization;

public interface RenameOrganizationUseCase {

    /** Renames the caller's organization. */
    Organization rename(RenameOrganizationCommand command);
}
