package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Serdeable
@Schema(name = "Production")
public record ProductionResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "The Long Night") String name,
        @Schema(example = "TLN-2027") String code,
        @Schema(allowableValues = {"development", "pre_production", "shooting", "wrap"}, example = "pre_production")
        String status,
        @Nullable @Schema(example = "2027-03-01") LocalDate startDate,
        @Nullable @Schema(example = "2027-05-28") LocalDate endDate,
        @Schema(type = "object", description = "The production's own data, as stored") JsonNode metadata,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {
}
