package dev.tenantcore.apikeys.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key as listed: never its token or hash. {@code lastUsedAt} may lag real use by up to a minute. */
@Serdeable
@Schema(name = "ApiKey")
public record ApiKeyResponse(
        UUID id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Schema(description = "Names of the roles the key acts with, sorted") List<String> roles) {
}
