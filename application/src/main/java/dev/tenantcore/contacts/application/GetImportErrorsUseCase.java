package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRowError;
import java.util.List;

public interface GetImportErrorsUseCase {
    /** The import's error report so far, by row. */
    List<ImportRowError> errors(ImportId id);
}
