package dev.tenantcore.catalog.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Product")
public record ProductResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "TSHIRT-RED-M") String sku,
        @Schema(example = "Organic cotton T-shirt") String name,
        @Nullable @Schema(example = "Soft, heavy, made to last") String description,
        @Schema(description = "In the currency's minor units (cents for EUR)", example = "2499") long priceMinor,
        @Schema(description = "ISO 4217", example = "EUR") String currency,
        @Schema(example = "42") int stock,
        @Schema(allowableValues = {"active", "archived"}, example = "active") String status,
        @Schema(type = "object", description = "The product's own attributes, as stored") JsonNode attributes,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {
}
