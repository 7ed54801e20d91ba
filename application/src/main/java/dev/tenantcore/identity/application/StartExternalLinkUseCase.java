package dev.tenantcore.identity.application;

public interface StartExternalLinkUseCase {

    /**
     * The calling user's link to ask a provider for. Needs a user's access token ({@code AccessDeniedException}
     * for an API key).
     */
    PendingLink startLink();
}
