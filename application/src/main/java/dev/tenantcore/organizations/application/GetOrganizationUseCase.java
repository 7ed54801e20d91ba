package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Organization;

public interface GetOrganizationUseCase {

    /** The caller's own organization. */
    Organization current();
}
