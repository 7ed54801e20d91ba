package dev.tenantcore.tasks.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("tasks")
record TaskRow(
        @Id UUID id,
        UUID organizationId,
        String title,
        @Nullable String description,
        @Nullable Instant dueDate,
        boolean completed,
        @Nullable UUID assigneeId,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
