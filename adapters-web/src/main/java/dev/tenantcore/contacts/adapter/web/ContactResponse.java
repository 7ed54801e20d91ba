package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Contact")
public record ContactResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "Grace Hopper") String name,
        @Nullable @Schema(example = "grace@example.com") String email,
        @Nullable @Schema(description = "E.164", example = "+14155550123") String phone,
        @Nullable @Schema(example = "Gaffer") String role,
        @Nullable @Schema(example = "Bright Lights Ltd") String company,
        @Nullable @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a59") UUID departmentId,
        @Nullable @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5a") UUID productionId,
        @Nullable @Schema(example = "Prefers calls before 9") String notes,
        @Schema(type = "object", description = "The organization's own fields, as stored") JsonNode customFields,
        @Schema(description = "manual: entered through the API; import: by the import importId",
                allowableValues = {"manual", "import"}, example = "manual") String source,
        @Nullable @Schema(description = "The import the contact came from; null for a manual contact",
                example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5b") UUID importId,
        @Nullable @Schema(description = "When it went to the trash; null for a live contact",
                example = "2026-11-21T16:45:00Z")
        Instant deletedAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {
}
