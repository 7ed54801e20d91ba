package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ImportId;

public interface CancelImportUseCase {
    /**
     * Stops the import after the chunk under way (the chunks done stay done). An import that has already ended is
     * returned as it is: cancelling twice, or too late, is no error, and its status says what happened.
     */
    ContactImport cancel(ImportId id);
}
