package dev.tenantcore.access.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Serdeable
@Schema(name = "CreateRoleRequest")
public record CreateRoleRequest(
        @NotBlank @Size(max = 63) @Schema(pattern = "^[a-z0-9][a-z0-9_-]{0,62}$") String name,
        @Nullable @Size(max = 500) String description,
        @NotNull @Schema(description = "Permission codes, e.g. tasks:read; see the catalogue in the API description")
        List<String> permissions) {
}
