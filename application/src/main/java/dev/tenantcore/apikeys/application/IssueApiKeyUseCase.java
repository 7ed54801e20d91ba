package dev.tenantcore.apikeys.application;

public interface IssueApiKeyUseCase {

    /**
     * Issues a key acting with the command's roles, which the caller must be allowed to grant (no role with a
     * permission the caller lacks; the owner role only from an owner).
     */
    IssuedApiKeyWithRoles issue(IssueApiKeyCommand command);
}
