package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** The organization's contacts. Every method runs inside the caller's tenant transaction. */
public interface ContactRepository {

    /** Stores a new contact; returns it as stored, with the database's timestamps. */
    Contact insert(Contact contact);

    Optional<Contact> findById(OrganizationId organizationId, ContactId id);

    /** Newest first, after {@code page.after()}. */
    Page<Contact> list(OrganizationId organizationId, PageRequest<ContactId> page);

    /** Writes the new fields if the stored version is still {@code contact.version()}; empty otherwise. */
    Optional<Contact> update(Contact contact);

    /** Deletes the contact if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, ContactId id, long version);
}
