package dev.tenantcore.apikeys.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key just created, with its token: the only response that ever contains it. */
@Serdeable
@Schema(name = "CreatedApiKey")
public record CreatedApiKeyResponse(
        UUID id,
        String name,
        String prefix,
        @Schema(description = "Send as 'Authorization: Bearer <token>'. Shown once; store it now.") String token,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Schema(description = "Names of the roles the key acts with, sorted") List<String> roles) {
}
