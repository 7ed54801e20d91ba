package dev.tenantcore.tasks.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "CreateTaskRequest")
public record CreateTaskRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Write the quarterly report") String title,
        @Nullable @Size(max = 10_000) @Schema(example = "Figures from finance first") String description,
        @Nullable @Schema(description = "ISO-8601 instant", example = "2026-12-01T17:00:00Z") Instant dueDate,
        @Nullable @Schema(defaultValue = "false") Boolean completed,
        @Nullable @Schema(description = "User id of a member of the organization") UUID assigneeId) {
}
