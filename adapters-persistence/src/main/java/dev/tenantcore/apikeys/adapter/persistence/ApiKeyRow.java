package dev.tenantcore.apikeys.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("api_keys")
record ApiKeyRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        String prefix,
        byte[] secretHash,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
