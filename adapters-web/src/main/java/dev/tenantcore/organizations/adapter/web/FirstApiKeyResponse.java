package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** The organization's first API key, with its token: the only time the token is shown. */
@Serdeable
@Schema(name = "FirstApiKey")
public record FirstApiKeyResponse(
        UUID id,
        String name,
        String prefix,
        @Schema(description = "Send as 'Authorization: Bearer <token>'. Shown once; store it now.") String token,
        Instant createdAt) {
}
