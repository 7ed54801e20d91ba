package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.Session;
import dev.tenantcore.shared.adapter.web.AuthenticatedTenant;
import dev.tenantcore.shared.domain.Actor;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.HashMap;

/**
 * Signs a session's access token: a JWT (Micronaut Security JWT, HS256 with {@code TENANTCORE_JWT_SECRET}) whose
 * claims are the same attributes an API key's authentication carries (organization, actor, permissions), so
 * everything downstream reads one shape. Micronaut's JWT validator turns the claims back into those attributes.
 */
@Singleton
final class AccessTokens {
    static final String ISSUER = "tenantcore";

    private final TokenGenerator tokens;

    AccessTokens(TokenGenerator tokens) {
        this.tokens = tokens;
    }

    String sign(Session session, long issuedAtEpochSecond) {
        var claims = new HashMap<String, Object>(AuthenticatedTenant.attributes(session.organizationId(),
                Actor.user(session.userId().value()), session.permissions()));
        claims.put("sub", session.userId().toString());
        claims.put("iss", ISSUER);
        claims.put("iat", issuedAtEpochSecond);
        claims.put("exp", session.accessTokenExpiresAt().getEpochSecond());
        return tokens.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("no token signer configured"));
    }
}
