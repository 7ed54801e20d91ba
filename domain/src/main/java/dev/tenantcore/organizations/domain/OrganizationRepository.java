package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Optional;

/** Organizations, each visible only inside a transaction for that organization. */
public interface OrganizationRepository {

    /** Stores a new organization; throws {@link dev.tenantcore.shared.domain.ConflictException} if another organization has its slug. */
    void insert(Organization organization);

    Optional<Organization> findById(OrganizationId id);

    /**
     * Writes the organization's changes if its stored version is still {@code organization.version()}; returns it
     * as stored (new version and update time), or empty if it was changed or removed meanwhile.
     */
    Optional<Organization> update(Organization organization);
}
