package dev.tenantcore.access.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invitation as listed: never its token or the token's hash. */
@Serdeable
@Schema(name = "Invitation")
public record InvitationResponse(
        UUID id,
        @Nullable @Schema(description = "The invited address; cleared once accepted (the membership is the record)")
        String email,
        List<String> roles,
        @Schema(allowableValues = {"pending", "accepted", "revoked", "expired"}) String status,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable @Schema(description = "The user who accepted") UUID acceptedBy,
        @Nullable Instant revokedAt,
        Instant createdAt) {
}
