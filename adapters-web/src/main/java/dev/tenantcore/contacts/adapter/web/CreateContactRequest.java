package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Serdeable
@Schema(name = "CreateContactRequest")
public record CreateContactRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Grace Hopper") String name,
        @Nullable @Size(max = 254) @Schema(description = "Unique among the live contacts of its production",
                example = "grace@example.com") String email,
        @Nullable @Size(max = 50) @Schema(description = "As people write it; stored in E.164. Without a country "
                + "code it is read as a number of the configured default region", example = "+1 415 555 0123")
        String phone,
        @Nullable @Size(max = 200) @Schema(description = "Role or position", example = "Gaffer") String role,
        @Nullable @Size(max = 200) @Schema(example = "Bright Lights Ltd") String company,
        @Nullable @Schema(description = "One of the organization's departments",
                example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a59") UUID departmentId,
        @Nullable @Schema(description = "One of the organization's productions",
                example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5a") UUID productionId,
        @Nullable @Size(max = 10_000) @Schema(example = "Prefers calls before 9") String notes,
        @Nullable @Schema(type = "object", description = "Any JSON object of at most 16 KiB") JsonNode customFields) {
}
