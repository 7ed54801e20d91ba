package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** Stores new contacts in one statement (an import's chunk). */
    void insertAll(List<Contact> contacts);

    /**
     * Writes each contact's new fields (an import's chunk), whatever its stored version, and counts its version up.
     */
    void updateAll(List<Contact> contacts);

    /** The live contacts of the production (of none, when null) with one of these emails (in lower case). */
    List<Contact> findLiveByEmails(OrganizationId organizationId, ProductionId productionId,
            Collection<String> emails);
}
