package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

@Serdeable
@Schema(name = "SignUpResponse",
        description = "The new organization, its first API key (the token is shown only here), and its owner's id")
public record SignUpResponse(OrganizationResponse organization, FirstApiKeyResponse apiKey,
        @Schema(nullable = true, description = "null when no owner signed up") UUID ownerId) {
}
