package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListContactsUseCase {
    /** Live contacts, newest first. */
    Page<Contact> list(ContactFilter filter, PageRequest<ContactId> page);
}
