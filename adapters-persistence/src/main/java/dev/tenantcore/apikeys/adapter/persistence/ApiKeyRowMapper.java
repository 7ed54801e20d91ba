package dev.tenantcore.apikeys.adapter.persistence;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface ApiKeyRowMapper {

    @Mapping(target = "id", source = "id.value")
    ApiKeyRow toRow(ApiKey key);

    /** Loading is not creating: rows come back through {@link ApiKey#reconstitute}. */
    default ApiKey toDomain(ApiKeyRow row) {
        return ApiKey.reconstitute(apiKeyId(row.id()), new OrganizationId(row.organizationId()), row.name(),
                row.prefix(), row.secretHash(), row.expiresAt(), row.revokedAt(), row.lastUsedAt(), row.version(),
                row.createdAt(), row.updatedAt());
    }

    default ApiKeyId apiKeyId(UUID value) {
        return new ApiKeyId(value);
    }
}
