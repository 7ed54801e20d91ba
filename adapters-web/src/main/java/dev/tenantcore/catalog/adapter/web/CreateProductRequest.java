package dev.tenantcore.catalog.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "CreateProductRequest")
public record CreateProductRequest(
        @NotBlank @Size(max = 64) @Schema(description = "Unique in the organization, case-insensitively",
                example = "TSHIRT-RED-M") String sku,
        @NotBlank @Size(max = 200) @Schema(example = "Organic cotton T-shirt") String name,
        @Nullable @Size(max = 10_000) @Schema(example = "Soft, heavy, made to last") String description,
        @NotNull @Min(0) @Schema(description = "In the currency's minor units (cents for EUR)", example = "2499")
        Long priceMinor,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(description = "ISO 4217", example = "EUR") String currency,
        @Nullable @Min(0) @Max(Integer.MAX_VALUE) @Schema(description = "Units in stock; 0 when absent", example = "42")
        Integer stock,
        @Nullable @Pattern(regexp = "active|archived", message = "must be active or archived")
        @Schema(allowableValues = {"active", "archived"}, description = "active when absent") String status,
        @Nullable @Schema(type = "object", description = "Any JSON object of at most 16 KiB",
                example = "{\"color\":\"red\",\"size\":\"M\"}") JsonNode attributes) {
}
