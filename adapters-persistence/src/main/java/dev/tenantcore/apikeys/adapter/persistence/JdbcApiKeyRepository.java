package dev.tenantcore.apikeys.adapter.persistence;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

@Singleton
final class JdbcApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyRowRepository rows;
    private final ApiKeyRowMapper mapper;

    JdbcApiKeyRepository(ApiKeyRowRepository rows, ApiKeyRowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public void insert(ApiKey key) {
        TenantSession.require(key.organizationId());
        rows.save(mapper.toRow(key));
    }

    @Override
    public Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id) {
        TenantSession.require(organizationId);
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Page<ApiKey> list(OrganizationId organizationId, PageRequest<ApiKeyId> page) {
        TenantSession.require(organizationId);
        var before = page.after().map(ApiKeyId::value).orElse(PersistedIds.NEWEST);
        var found = rows.listBefore(organizationId.value(), before, page.limit() + 1);
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public boolean updateRevocation(ApiKey key) {
        TenantSession.require(key.organizationId());
        return rows.updateRevocation(key.organizationId().value(), key.id().value(), key.version(), key.revokedAt())
                == 1;
    }

    @Override
    public void recordUse(OrganizationId organizationId, ApiKeyId id, Instant now) {
        TenantSession.require(organizationId);
        rows.recordUse(organizationId.value(), id.value(), now, now.minus(ApiKey.USAGE_RECORDING_INTERVAL));
    }
}
