package dev.tenantcore.identity.application;

public interface GetCurrentUserUseCase {

    /** Needs a user's access token: an API key is nobody's account ({@code AccessDeniedException}). */
    CurrentUser me();
}
