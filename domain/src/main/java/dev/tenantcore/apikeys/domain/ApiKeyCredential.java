package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What authentication needs to know about a usable key (not revoked, not expired) found by its prefix, before
 * anything tells it which organization is asking: and what the key's roles permit there. {@code expiresAt} (null:
 * never) lets a credential kept for a while still be refused at the key's expiry.
 */
public record ApiKeyCredential(ApiKeyId id, OrganizationId organizationId, byte[] secretHash, Instant lastUsedAt,
        Set<Permission> permissions, Instant expiresAt) {
    public ApiKeyCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        permissions = Set.copyOf(permissions);
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** Whether the key has not expired at {@code now}; expiry is exclusive, as the database judges it. */
    public boolean isUnexpiredAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** Whether this use should be recorded, given when the key was last recorded as used. */
    public boolean usageIsStale(Instant now) {
        return lastUsedAt == null || lastUsedAt.plus(ApiKey.USAGE_RECORDING_INTERVAL).isBefore(now);
    }
}
