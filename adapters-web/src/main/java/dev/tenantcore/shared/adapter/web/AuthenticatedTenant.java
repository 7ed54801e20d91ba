package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant of the current request, taken from the verified credential and from nothing else. Every
 * authentication mechanism (API keys now, user tokens later) puts the organization into the
 * {@link Authentication} under {@link #ORGANIZATION_ATTRIBUTE}, and who acts (for the audit log) under
 * {@link #ACTOR_TYPE_ATTRIBUTE} and {@link #ACTOR_ID_ATTRIBUTE}.
 */
@Singleton
public final class AuthenticatedTenant implements CurrentTenant {
    public static final String ORGANIZATION_ATTRIBUTE = "organizationId";
    public static final String ACTOR_TYPE_ATTRIBUTE = "actorType";
    public static final String ACTOR_ID_ATTRIBUTE = "actorId";

    private final SecurityService security;

    AuthenticatedTenant(SecurityService security) {
        this.security = security;
    }

    public static Map<String, Object> attributes(OrganizationId organizationId, Actor actor) {
        return Map.of(ORGANIZATION_ATTRIBUTE, organizationId.value().toString(),
                ACTOR_TYPE_ATTRIBUTE, actor.type().code(),
                ACTOR_ID_ATTRIBUTE, actor.id().toString());
    }

    /** Who an authentication acts as; one made without an actor (none is, today) counts as anonymous. */
    static Actor actorOf(Authentication authentication) {
        var type = authentication.getAttributes().get(ACTOR_TYPE_ATTRIBUTE);
        var id = authentication.getAttributes().get(ACTOR_ID_ATTRIBUTE);
        if (type == null || id == null) {
            return Actor.ANONYMOUS;
        }
        return new Actor(Actor.Type.fromCode(type.toString()), UUID.fromString(id.toString()));
    }

    @Override
    public OrganizationId organizationId() {
        return security.getAuthentication()
                .map(authentication -> authentication.getAttributes().get(ORGANIZATION_ATTRIBUTE))
                .map(value -> new OrganizationId(UUID.fromString(value.toString())))
                .orElseThrow(() -> new IllegalStateException("no authenticated organization in this request"));
    }
}
