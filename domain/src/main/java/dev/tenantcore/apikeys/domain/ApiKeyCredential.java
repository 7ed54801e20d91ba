package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * What authentication needs to know about a usable key (not revoked, not expired) found by its prefix, before
 * anything tells it which organization is asking.
 */
public record ApiKeyCredential(ApiKeyId id, OrganizationId organizationId, byte[] secretHash, Instant lastUsedAt) {
    public ApiKeyCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** Whether this use should be recorded, given when the key was last recorded as used. */
    public boolean usageIsStale(Instant now) {
        return lastUsedAt == null || lastUsedAt.plus(ApiKey.USAGE_RECORDING_INTERVAL).isBefore(now);
    }
}
