package dev.tenantcore.access.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A row of roles; the permissions a role grants live in role_permissions or, for built-in roles, the catalogue. */
@MappedEntity("roles")
record RoleRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        @Nullable String description,
        @Nullable String builtin,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
