package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The organization's imports and their error reports. Every method runs inside the caller's tenant transaction. A
 * production that is not the organization's is refused with an {@code InvariantViolationException} on
 * productionId.
 */
public interface ImportRepository {

    ContactImport insert(ContactImport contactImport);

    Optional<ContactImport> findById(OrganizationId organizationId, ImportId id);

    /**
     * The import, its row locked until the transaction ends: a job's chunk and a cancellation take turns, so a
     * chunk never commits after the import was cancelled.
     */
    Optional<ContactImport> lock(OrganizationId organizationId, ImportId id);

    /** Newest first, after {@code page.after()}. */
    Page<ContactImport> list(OrganizationId organizationId, PageRequest<ImportId> page);

    /** Writes the status, cursor, counts, error and end; returns the import as stored. */
    ContactImport update(ContactImport contactImport);

    /** Adds lines to the import's error report (in one statement). */
    void addErrors(OrganizationId organizationId, ImportId id, List<ImportRowError> errors);

    /** The error report, by row. */
    List<ImportRowError> errors(OrganizationId organizationId, ImportId id);
}
