package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.Session;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A session as the token response every login answers with: the same shape as POST /v1/auth/token's. */
@Singleton
final class IssuedTokens {
    private final AccessTokens accessTokens;
    private final Clock clock;

    IssuedTokens(AccessTokens accessTokens, Clock clock) {
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    HttpResponse<TokenResponse> response(Session session) {
        // Tokens must not be cached by anything between the service and the client (RFC 6749 5.1).
        return HttpResponse.ok(body(session)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The body alone, for answers that carry tokens inside something else (an accepted invitation). */
    TokenResponse body(Session session) {
        var now = clock.instant();
        return new TokenResponse(accessTokens.sign(session, now.getEpochSecond()), "Bearer",
                secondsUntil(now, session), session.refreshToken(),
                session.refreshTokenExpiresAt(), session.userId().value(), session.organizationId().value(),
                session.permissions().stream().map(Permission::code).sorted().toList());
    }

    /** Whole seconds, rounded up like POST /v1/auth/token's: the session was made a moment before this. */
    private static long secondsUntil(Instant now, Session session) {
        return (Duration.between(now, session.accessTokenExpiresAt()).toMillis() + 999) / 1000;
    }
}
