package dev.tenantcore.organizations.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.shared.domain.UserId;

/** The new organization, its first API key (shown once), and its owner's id when an owner signed up. */
public record SignedUpOrganization(Organization organization, IssuedApiKey apiKey, UserId ownerId) {
}
