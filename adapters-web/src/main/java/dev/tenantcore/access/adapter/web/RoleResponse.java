package dev.tenantcore.access.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "Role")
public record RoleResponse(
        UUID id,
        String name,
        @Nullable String description,
        @Schema(description = "One of the four roles every organization has (owner, admin, member, viewer); "
                + "built-in roles cannot be changed or deleted") boolean builtin,
        @Schema(description = "Codes of the permissions the role grants, sorted") List<String> permissions) {
}
