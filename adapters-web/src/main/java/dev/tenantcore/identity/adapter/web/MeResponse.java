package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "Me", description = "The calling user, as their access token's organization sees them")
public record MeResponse(UUID id, String email, String status, @Nullable Profile profile,
        @Nullable Preferences preferences, UUID organizationId, List<String> permissions, Instant createdAt) {

    @Serdeable
    @Schema(name = "UserProfile", description = "PATCH /v1/me/profile takes If-Match: \"<version>\"")
    public record Profile(
            String displayName,
            @Nullable String avatarUrl,
            @Nullable @Schema(description = "BCP 47 language tag", example = "pt-BR") String locale,
            @Nullable @Schema(description = "Time-zone id", example = "Europe/Lisbon") String timeZone,
            @Nullable String bio,
            long version,
            Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "UserPreferences", description = "PATCH /v1/me/preferences takes If-Match: \"<version>\"")
    public record Preferences(
            boolean emailNotifications,
            @Schema(allowableValues = {"system", "light", "dark"}) String theme,
            @Schema(type = "object", description = "The client's own settings, stored whole") JsonNode settings,
            long version,
            Instant updatedAt) {
    }
}
