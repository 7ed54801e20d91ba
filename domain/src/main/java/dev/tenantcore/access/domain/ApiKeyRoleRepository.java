package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The roles each API key acts with; every call runs inside a transaction for {@code organizationId}. The keys
 * themselves belong to the apikeys context, so a key is named here by its {@link Actor} ({@code Actor.apiKey(id)}),
 * the shared kernel's handle on a credential; any other kind of actor is a programming error.
 */
public interface ApiKeyRoleRepository {

    /** Adds the roles to those the key holds. */
    void grant(OrganizationId organizationId, Actor apiKey, Set<RoleId> roles);

    /** The roles of each key; a key holding none maps to an empty set. */
    Map<Actor, Set<RoleId>> rolesOf(OrganizationId organizationId, Collection<Actor> apiKeys);
}
