package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A credential that acts for one organization. The secret itself is never kept, only its hash. */
public final class ApiKey {
    public static final int NAME_MAX_LENGTH = 100;
    /** How stale {@code lastUsedAt} may get: recording every use would turn each request into a write. */
    public static final Duration USAGE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyId id;
    private final OrganizationId organizationId;
    private final String name;
    private final String prefix;
    private final byte[] secretHash;
    private final Instant expiresAt;
    private Instant revokedAt;
    private final Instant lastUsedAt;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private ApiKey(ApiKeyId id, OrganizationId organizationId, String name, String prefix, byte[] secretHash,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long version, Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.name = Text.required("name", name, NAME_MAX_LENGTH);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Issues a new key; the returned token is the only time the secret exists outside the client. */
    public static IssuedApiKey issue(OrganizationId organizationId, String name, Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvariantViolationException("expiresAt", "expiresAt must be in the future");
        }
        var token = ApiKeyToken.generate();
        var key = new ApiKey(ApiKeyId.generate(), organizationId, name, token.prefix(), token.hash(), expiresAt,
                null, null, 1, now, now);
        return new IssuedApiKey(key, token);
    }

    public static ApiKey reconstitute(ApiKeyId id, OrganizationId organizationId, String name, String prefix,
            byte[] secretHash, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long version,
            Instant createdAt, Instant updatedAt) {
        return new ApiKey(id, organizationId, name, prefix, secretHash, expiresAt, revokedAt, lastUsedAt, version,
                createdAt, updatedAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public ApiKeyId id() {
        return id;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public byte[] secretHash() {
        return secretHash.clone();
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
