package dev.tenantcore.identity.adapter.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Turns an ID token Micronaut has verified (signature against the provider's keys, issuer, audience, expiry,
 * nonce) into the few claims a login needs, and nothing else: no provider token is kept, and this is not the
 * service's session (the callback issues the service's own tokens, {@link OidcController}).
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
final class VerifiedIdentityMapper implements OpenIdAuthenticationMapper {
    static final String PROVIDER = "provider";
    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "emailVerified";
    static final String NAME = "name";

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
            OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            return Mono.just(AuthenticationResponse.failure());
        }
        var attributes = new HashMap<String, Object>();
        attributes.put(PROVIDER, providerName);
        attributes.put(EMAIL_VERIFIED, isTrue(claims.getClaims().get("email_verified")));
        if (claims.getEmail() != null) {
            attributes.put(EMAIL, claims.getEmail());
        }
        if (claims.getName() != null) {
            attributes.put(NAME, claims.getName());
        }
        return Mono.just(AuthenticationResponse.success(claims.getSubject(), List.of(), attributes));
    }

    /** A JSON boolean, or the string "true" that some providers send instead. */
    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }
}
