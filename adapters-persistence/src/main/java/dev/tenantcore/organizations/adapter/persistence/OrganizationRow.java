package dev.tenantcore.organizations.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("organizations")
record OrganizationRow(@Id UUID id, String name, String slug, long version, Instant createdAt, Instant updatedAt) {
}
