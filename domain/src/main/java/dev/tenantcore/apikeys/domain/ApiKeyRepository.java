package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** An organization's API keys; every call runs inside a transaction for {@code organizationId}. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id);

    /** The organization's keys, newest first, revoked ones included. */
    Page<ApiKey> list(OrganizationId organizationId, PageRequest<ApiKeyId> page);

    /** Writes the revocation if the stored version is still {@code key.version()}; false if it changed meanwhile. */
    boolean updateRevocation(ApiKey key);

    /** Records a use at {@code now} unless one was recorded within {@link ApiKey#USAGE_RECORDING_INTERVAL}. */
    void recordUse(OrganizationId organizationId, ApiKeyId id, Instant now);
}
