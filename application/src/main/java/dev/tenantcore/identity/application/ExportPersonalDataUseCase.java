package dev.tenantcore.identity.application;

public interface ExportPersonalDataUseCase {

    /**
     * Everything stored about the calling user, read in one transaction. Needs a user's access token
     * ({@code AccessDeniedException} for an API key) and no permission: a person may always see their own data,
     * their own actions in the audit log included. {@code ResourceNotFoundException} once the account is erased.
     */
    PersonalDataExport export();
}
