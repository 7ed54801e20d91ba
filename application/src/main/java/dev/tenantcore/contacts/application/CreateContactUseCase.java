package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;

public interface CreateContactUseCase {
    Contact create(CreateContactCommand command);
}
