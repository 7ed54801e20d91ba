package dev.tenantcore.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "Me", description = "The calling user, as their access token's organization sees them")
public record MeResponse(UUID id, String email, String status, Profile profile, UUID organizationId,
        List<String> permissions, Instant createdAt) {

    @Serdeable
    @Schema(name = "UserProfile")
    public record Profile(String displayName, String avatarUrl, String locale, String timeZone, String bio) {
    }
}
