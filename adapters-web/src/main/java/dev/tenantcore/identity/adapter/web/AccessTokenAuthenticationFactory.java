package dev.tenantcore.identity.adapter.web;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Optional;

/**
 * A bearer JWT authenticates only if this service issued it ({@code iss} is {@link AccessTokens#ISSUER}). With
 * OpenID Connect providers configured, Micronaut also trusts each provider's signing keys (to check their ID
 * tokens); without this, an ID token a provider signed would pass as an access token, with none of the claims
 * (organization, actor, permissions) that every endpoint relies on.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
final class AccessTokenAuthenticationFactory extends DefaultJwtAuthenticationFactory {

    AccessTokenAuthenticationFactory(TokenConfiguration tokenConfiguration, RolesFinder rolesFinder) {
        super(tokenConfiguration, rolesFinder);
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            if (!AccessTokens.ISSUER.equals(token.getJWTClaimsSet().getIssuer())) {
                return Optional.empty();
            }
        } catch (ParseException e) {
            return Optional.empty();
        }
        return super.createAuthentication(token);
    }
}
