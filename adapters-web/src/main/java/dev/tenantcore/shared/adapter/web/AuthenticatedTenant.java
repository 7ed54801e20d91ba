package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant of the current request, taken from the verified credential and from nothing else. Every
 * authentication mechanism (API keys, user tokens) puts the organization and the granted permissions into the
 * {@link Authentication} under {@link #ORGANIZATION_ATTRIBUTE}, and who acts (for the audit log) under
 * {@link #ACTOR_TYPE_ATTRIBUTE} and {@link #ACTOR_ID_ATTRIBUTE}.
 */
@Singleton
public final class AuthenticatedTenant implements CurrentTenant {
    public static final String ORGANIZATION_ATTRIBUTE = "organizationId";
    public static final String ACTOR_TYPE_ATTRIBUTE = "actorType";
    public static final String ACTOR_ID_ATTRIBUTE = "actorId";
    public static final String PERMISSIONS_ATTRIBUTE = "permissions";

    private final SecurityService security;

    AuthenticatedTenant(SecurityService security) {
        this.security = security;
    }

    /** What every authentication carries; a signed user token carries the same names as claims. */
    public static Map<String, Object> attributes(OrganizationId organizationId, Actor actor,
            Set<Permission> permissions) {
        return Map.of(ORGANIZATION_ATTRIBUTE, organizationId.value().toString(),
                ACTOR_TYPE_ATTRIBUTE, actor.type().code(),
                ACTOR_ID_ATTRIBUTE, actor.id().toString(),
                PERMISSIONS_ATTRIBUTE, permissions.stream().map(Permission::code).sorted().toList());
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

    /**
     * The codes the credential carries. A code the catalogue no longer holds (a token signed before a permission
     * was withdrawn) is checked by no use case, so it grants nothing; one that is not a code at all is ignored.
     */
    @Override
    public Set<Permission> permissions() {
        var granted = security.getAuthentication()
                .map(authentication -> authentication.getAttributes().get(PERMISSIONS_ATTRIBUTE))
                .orElse(null);
        if (!(granted instanceof Collection<?> codes)) {
            return Set.of();
        }
        var permissions = new HashSet<Permission>();
        codes.stream().map(String::valueOf).filter(Permission::isCode).map(Permission::new).forEach(permissions::add);
        return permissions;
    }
}
