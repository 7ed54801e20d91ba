package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListImportsUseCase {
    Page<ContactImport> list(PageRequest<ImportId> page);
}
