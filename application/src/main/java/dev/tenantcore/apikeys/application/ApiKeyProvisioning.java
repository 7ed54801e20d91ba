package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.shared.domain.OrganizationId;

/** For other contexts: issues a key as part of their own write transaction for {@code organizationId}. */
public interface ApiKeyProvisioning {
    IssuedApiKey issueFor(OrganizationId organizationId, String name);
}
