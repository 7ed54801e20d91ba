package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.shared.domain.OrganizationId;

/** For other contexts: issues a key as part of their own write transaction for {@code organizationId}. */
public interface ApiKeyProvisioning {

    /**
     * A key acting with the {@code admin} role: everything but making and removing owners. Used for an
     * organization's first key at sign-up, when nobody is authenticated who could choose or grant roles.
     */
    IssuedApiKey issueFor(OrganizationId organizationId, String name);
}
