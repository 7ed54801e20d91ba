package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;

public interface StartImportUseCase {
    /** Checks the file and its mapping (422 when either is wrong), stores it and queues its job. */
    ContactImport start(StartImportCommand command);
}
