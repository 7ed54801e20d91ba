package dev.tenantcore.identity.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The session at an OpenID Connect provider that a login came through, as the refresh tokens of that login keep
 * it: a back-channel logout names it (by subject, or by its session id), and the tokens end at {@code endsAt}
 * whatever their use, when the person must show the provider again that they may still log in.
 *
 * @param sessionId the provider's {@code sid}, or null when it sent none
 */
public record ProviderSession(String provider, String subject, String sessionId, Instant endsAt) {
    private static final int MAX_SESSION_ID_LENGTH = 255;

    public ProviderSession {
        provider = ExternalLogin.requireProvider(provider);
        subject = ExternalLogin.requireSubject(subject);
        if (sessionId != null && (sessionId.isEmpty() || sessionId.length() > MAX_SESSION_ID_LENGTH)) {
            sessionId = null; // an unusable sid only loses the finer-grained logout; the subject still works
        }
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
