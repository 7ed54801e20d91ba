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
        @Schema(description = "A JWT for Authorization: Bearer; valid in this one organization",
                example = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTlhOGYzYSJ9.c2lnbmF0dXJl") String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds the access token stays valid", example = "900") long expiresIn,
        @Schema(description = "Shown once; each use replaces it", example = "tcr_9b1f0c2d4e6a8b0c2d4e6f8a0b2c4d6e")
        String refreshToken,
        Instant refreshTokenExpiresAt,
        UUID userId,
        UUID organizationId,
        List<String> permissions) {
}
