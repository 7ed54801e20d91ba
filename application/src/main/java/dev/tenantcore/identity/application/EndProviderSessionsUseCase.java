package dev.tenantcore.identity.application;

public interface EndProviderSessionsUseCase {

    /**
     * A provider says a person's session there ended (OpenID Connect Back-Channel Logout): revokes the refresh
     * tokens of the logins that came through it, in every organization; all of the subject's when
     * {@code sessionId} is null. Answers how many tokens were revoked (none for an unknown subject).
     */
    int endProviderSessions(String provider, String subject, String sessionId);
}
