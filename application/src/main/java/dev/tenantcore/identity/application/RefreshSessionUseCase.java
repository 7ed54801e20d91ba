package dev.tenantcore.identity.application;

public interface RefreshSessionUseCase {

    /**
     * Replaces a refresh token with a new one and a fresh access token, re-reading the member's permissions.
     * A token used before revokes its whole family; any failure is {@code AuthenticationFailedException}.
     */
    Session refresh(String refreshToken);
}
