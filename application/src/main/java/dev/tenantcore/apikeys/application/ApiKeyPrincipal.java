package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;

/** Who is calling: the organization a verified key acts for, the key, and what its roles permit. */
public record ApiKeyPrincipal(OrganizationId organizationId, ApiKeyId apiKeyId, Set<Permission> permissions) {
    public ApiKeyPrincipal {
        permissions = Set.copyOf(permissions);
    }
}
