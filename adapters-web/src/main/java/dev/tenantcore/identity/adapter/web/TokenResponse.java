package dev.tenantcore.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** RFC 6749's token response fields, plus what a client wants to know without decoding the JWT. */
@Serdeable
@Schema(name = "TokenResponse")
public record TokenResponse(
        @Schema(description = "A JWT for Authorization: Bearer; valid in this one organization") String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds the access token stays valid") long expiresIn,
        @Schema(description = "Shown once; each use replaces it") String refreshToken,
        Instant refreshTokenExpiresAt,
        UUID userId,
        UUID organizationId,
        List<String> permissions) {
}
