package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/**
 * The organization's productions. Every method runs inside the caller's tenant transaction. A code another
 * production has is refused with a {@code ConflictException}; so is deleting a production that contacts name.
 */
public interface ProductionRepository {

    /** Stores a new production; returns it as stored, with the database's timestamps. */
    Production insert(Production production);

    Optional<Production> findById(OrganizationId organizationId, ProductionId id);

    /** Newest first, after {@code page.after()}. */
    Page<Production> list(OrganizationId organizationId, PageRequest<ProductionId> page);

    /** Writes the new fields if the stored version is still {@code production.version()}; empty otherwise. */
    Optional<Production> update(Production production);

    /** Deletes the production if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, ProductionId id, long version);
}
