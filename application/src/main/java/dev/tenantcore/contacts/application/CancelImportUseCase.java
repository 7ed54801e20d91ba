package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ImportId;

public interface CancelImportUseCase {
    /**
     * Stops the import after the chunk under way (the chunks done stay done); a {@code ConflictException} if it has
     * already ended.
     */
    ContactImport cancel(ImportId id);
}
