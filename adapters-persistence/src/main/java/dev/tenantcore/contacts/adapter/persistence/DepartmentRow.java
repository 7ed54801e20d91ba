package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("departments")
record DepartmentRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
