package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ImportId;

public interface GetImportUseCase {
    ContactImport get(ImportId id);
}
