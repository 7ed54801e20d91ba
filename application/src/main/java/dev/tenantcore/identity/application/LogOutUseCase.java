package dev.tenantcore.identity.application;

public interface LogOutUseCase {

    /** Revokes the refresh token's family. Quietly does nothing for a token that is not valid. */
    void logOut(String refreshToken);
}
