package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A credential that acts for one organization. The secret itself is never kept, only its SHA-256 hash.
 * Immutable; the canonical constructor enforces the invariants; {@link #reconstitute} is how storage brings one
 * back.
 */
public record ApiKey(
        ApiKeyId id,
        OrganizationId organizationId,
        String name,
        String prefix,
        byte[] secretHash,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 100;
    /** How stale {@code lastUsedAt} may get: recording every use would turn each request into a write. */
    public static final Duration USAGE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        Objects.requireNonNull(prefix, "prefix");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An API key as storage holds it, checked like any other. */
    public static ApiKey reconstitute(ApiKeyId id, OrganizationId organizationId, String name, String prefix,
            byte[] secretHash, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long version,
            Instant createdAt, Instant updatedAt) {
        return new ApiKey(id, organizationId, name, prefix, secretHash, expiresAt, revokedAt, lastUsedAt, version,
                createdAt, updatedAt);
    }

    /** Issues a new key; the returned token is the only time the secret exists outside the client. */
    public static IssuedApiKey issue(OrganizationId organizationId, String name, Instant expiresAt, Instant now) {
        Timestamps.withinRange("expiresAt", expiresAt);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvariantViolationException("expiresAt", "expiresAt must be in the future");
        }
        var token = ApiKeyToken.generate();
        var key = new ApiKey(ApiKeyId.generate(), organizationId, name, token.prefix(), token.hash(), expiresAt,
                null, null, 1, now, now);
        return new IssuedApiKey(key, token);
    }

    /** Revoked at {@code now}, or unchanged if it already was. */
    public ApiKey revoked(Instant now) {
        if (isRevoked()) {
            return this;
        }
        return new ApiKey(id, organizationId, name, prefix, secretHash, expiresAt, now, lastUsedAt, version,
                createdAt, updatedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** Value equality over every component; the record default would compare the hash array by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that
                && id.equals(that.id) && organizationId.equals(that.organizationId) && name.equals(that.name)
                && prefix.equals(that.prefix) && Arrays.equals(secretHash, that.secretHash)
                && Objects.equals(expiresAt, that.expiresAt) && Objects.equals(revokedAt, that.revokedAt)
                && Objects.equals(lastUsedAt, that.lastUsedAt) && version == that.version
                && createdAt.equals(that.createdAt) && updatedAt.equals(that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, revokedAt);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", organizationId=" + organizationId + ", prefix=" + prefix + "]";
    }
}
