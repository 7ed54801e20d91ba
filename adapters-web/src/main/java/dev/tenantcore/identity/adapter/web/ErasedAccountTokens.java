package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.ErasedAccounts;
import dev.tenantcore.shared.adapter.web.AuthenticatedTenant;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Refuses the access tokens of an account erased while they were still unexpired (see {@link ErasedAccounts}):
 * every call with one is a 401, as if the token had expired.
 */
@Singleton
final class ErasedAccountTokens<T> implements GenericJwtClaimsValidator<T> {
    private final ErasedAccounts erased;

    ErasedAccountTokens(ErasedAccounts erased) {
        this.erased = erased;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        var type = claims.get(AuthenticatedTenant.ACTOR_TYPE_ATTRIBUTE);
        var id = claims.get(AuthenticatedTenant.ACTOR_ID_ATTRIBUTE);
        if (type == null || !Actor.Type.USER.code().equals(type.toString())) {
            return true;
        }
        try {
            return id != null && !erased.isErased(new UserId(UUID.fromString(id.toString())));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
