package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The organization's contacts, live and in the trash. Every method runs inside the caller's tenant transaction. A
 * department or production that is not the organization's is refused with an {@code InvariantViolationException}
 * naming the field; an email another live contact of the production has, with a {@code ConflictException}.
 */
public interface ContactRepository {

    /** Stores a new contact; returns it as stored, with the database's timestamps. */
    Contact insert(Contact contact);

    /** The contact, live or in the trash. */
    Optional<Contact> findById(OrganizationId organizationId, ContactId id);

    /** Live contacts matching {@code filter}, newest first, after {@code page.after()}. */
    Page<Contact> list(OrganizationId organizationId, ContactFilter filter, PageRequest<ContactId> page);

    /** The trash: contacts deleted after {@code deletedAfter}, newest first, after {@code page.after()}. */
    Page<Contact> listDeleted(OrganizationId organizationId, Instant deletedAfter, PageRequest<ContactId> page);

    /** Live contacts matching {@code search}, best first (rank, then id, descending), after {@code page.after()}. */
    Page<ContactMatch> search(OrganizationId organizationId, ContactSearch search,
            PageRequest<ContactSearchCursor> page);

    /**
     * Writes the new fields and deletion time if the stored version is still {@code contact.version()}; empty
     * otherwise.
     */
    Optional<Contact> update(Contact contact);

    /**
     * Removes for good the organization's contacts deleted before {@code cutoff} (the scheduled purge of the trash;
     * the audit log keeps their record). Returns how many.
     */
    int purgeDeletedBefore(OrganizationId organizationId, Instant cutoff);
}
