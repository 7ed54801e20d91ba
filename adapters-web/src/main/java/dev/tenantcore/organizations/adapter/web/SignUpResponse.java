package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "SignUpResponse", description = "The new organization and its first API key; the token is shown only here")
public record SignUpResponse(OrganizationResponse organization, FirstApiKeyResponse apiKey) {
}
