package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListDeletedContactsUseCase {
    /** The trash: contacts deleted within the retention period, newest first. */
    Page<Contact> listDeleted(PageRequest<ContactId> page);
}
