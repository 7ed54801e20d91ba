package dev.tenantcore.tasks.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Task")
public record TaskResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "Write the quarterly report") String title,
        @Nullable @Schema(example = "Figures from finance first") String description,
        @Nullable @Schema(example = "2026-12-01T17:00:00Z") Instant dueDate,
        boolean completed,
        @Nullable @Schema(example = "019a8f3a-1c0b-7e22-8d4f-6b5a4c3d2e1f") UUID assigneeId,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {
}
