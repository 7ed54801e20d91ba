package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.domain.OrganizationId;

/** Who is calling: the organization a verified key acts for, and the key. */
public record ApiKeyPrincipal(OrganizationId organizationId, ApiKeyId apiKeyId) {
}
