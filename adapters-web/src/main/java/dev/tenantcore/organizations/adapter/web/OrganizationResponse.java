package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Organization")
public record OrganizationResponse(UUID id, String name, String slug, Instant createdAt, Instant updatedAt) {
}
