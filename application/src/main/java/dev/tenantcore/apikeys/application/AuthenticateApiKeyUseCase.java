package dev.tenantcore.apikeys.application;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /**
     * The principal for a presented token, or empty when the token is malformed, unknown, revoked or expired:
     * callers must not be able to tell these apart.
     */
    Optional<ApiKeyPrincipal> authenticate(String presentedToken);
}
