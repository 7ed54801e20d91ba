package dev.tenantcore.apikeys.adapter.persistence;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface ApiKeyRowMapper {

    @Mapping(target = "id", source = "id.value")
    ApiKeyRow toRow(ApiKey key);

    // "revoked(...)" returns a changed copy; MapStruct would take it for a fluent setter.
    @Mapping(target = "revoked", ignore = true)
    ApiKey toDomain(ApiKeyRow row);

    default ApiKeyId apiKeyId(UUID value) {
        return new ApiKeyId(value);
    }
}
