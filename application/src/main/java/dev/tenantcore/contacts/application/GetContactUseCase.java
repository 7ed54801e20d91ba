package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;

public interface GetContactUseCase {
    Contact get(ContactId id);
}
