package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** metadata is the jsonb column read as text ({@link ProductionRowRepository#COLUMNS}). */
@MappedEntity("productions")
record ProductionRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        String code,
        String status,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        String metadata,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
