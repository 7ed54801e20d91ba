package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;

public interface UpdateContactUseCase {
    Contact update(UpdateContactCommand command);
}
