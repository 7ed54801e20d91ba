package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Serdeable
@Schema(name = "CreateProductionRequest")
public record CreateProductionRequest(
        @NotBlank @Size(max = 200) @Schema(example = "The Long Night") String name,
        @NotBlank @Size(max = 50) @Schema(description = "Unique within the organization, ignoring case",
                example = "TLN-2027") String code,
        @Nullable @Schema(description = "development when absent",
                allowableValues = {"development", "pre_production", "shooting", "wrap"}, example = "pre_production")
        String status,
        @Nullable @Schema(example = "2027-03-01") LocalDate startDate,
        @Nullable @Schema(description = "Not before startDate", example = "2027-05-28") LocalDate endDate,
        @Nullable @Schema(type = "object", description = "Any JSON object of at most 16 KiB") JsonNode metadata) {
}
