package dev.tenantcore.apikeys.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement names the organization explicitly; row-level security is the backstop, not the filter. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRowRepository extends GenericRepository<ApiKeyRow, UUID> {

    ApiKeyRow save(ApiKeyRow row);

    @Query("SELECT * FROM api_keys WHERE organization_id = :organizationId AND id = :id")
    Optional<ApiKeyRow> find(UUID organizationId, UUID id);

    @Query("""
            SELECT * FROM api_keys
            WHERE organization_id = :organizationId AND id < :before
            ORDER BY id DESC
            LIMIT :limit""")
    List<ApiKeyRow> listBefore(UUID organizationId, UUID before, int limit);

    @Query("""
            UPDATE api_keys SET revoked_at = :revokedAt, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version""")
    long updateRevocation(UUID organizationId, UUID id, long version, Instant revokedAt);

    @Query("""
            UPDATE api_keys SET last_used_at = :now
            WHERE organization_id = :organizationId AND id = :id
              AND (last_used_at IS NULL OR last_used_at < :staleBefore)""")
    long recordUse(UUID organizationId, UUID id, Instant now, Instant staleBefore);
}
