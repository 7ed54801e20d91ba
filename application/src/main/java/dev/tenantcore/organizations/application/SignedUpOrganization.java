package dev.tenantcore.organizations.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.organizations.domain.Organization;

public record SignedUpOrganization(Organization organization, IssuedApiKey apiKey) {
}
