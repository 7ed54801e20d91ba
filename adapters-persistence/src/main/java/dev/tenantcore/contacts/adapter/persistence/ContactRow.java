package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("contacts")
record ContactRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        @Nullable String description,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
