package dev.tenantcore.tasks.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Task")
public record TaskResponse(
        UUID id,
        String title,
        @Nullable String description,
        @Nullable Instant dueDate,
        boolean completed,
        @Nullable UUID assigneeId,
        Instant createdAt,
        Instant updatedAt) {
}
