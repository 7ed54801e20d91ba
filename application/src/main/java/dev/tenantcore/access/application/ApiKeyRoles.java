package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For the apikeys context: the roles an API key acts with. Every method joins the caller's tenant transaction for
 * {@code organizationId}. A key is named by its {@link Actor} ({@code Actor.apiKey(id)}): the key belongs to the
 * apikeys context, and the shared kernel's actor is how other contexts refer to a credential.
 */
public interface ApiKeyRoles {

    /**
     * Gives a key just issued the named roles, as far as the calling credential may grant them: roles whose every
     * permission it holds, and the owner role only if it is an owner ({@code AccessDeniedException} otherwise).
     * Throws {@code InvariantViolationException} ("roles") for no names, or a name the organization has no role
     * for. Returns the names granted, sorted.
     */
    List<String> grantAsCaller(OrganizationId organizationId, Actor apiKey, Set<String> roleNames);

    /**
     * The same without asking who calls: for keys the service issues itself (an organization's first key at
     * sign-up, when nobody is authenticated yet). The calling use case decides who may.
     */
    List<String> grant(OrganizationId organizationId, Actor apiKey, Set<String> roleNames);

    /** The sorted names of the roles of each key; a key without roles maps to an empty list. */
    Map<Actor, List<String>> roleNamesOf(OrganizationId organizationId, Collection<Actor> apiKeys);
}
