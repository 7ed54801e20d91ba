package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;

/**
 * Valid API keys for tests; override only what the test is about. By default the key carries the prefix and hash
 * of a freshly generated token; pass your own with {@link Builder#withToken(ApiKeyToken)} to authenticate with it.
 */
public final class ApiKeyTestData {
    public static final String DEFAULT_NAME = "CI pipeline";
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private ApiKeyTestData() {
    }

    public static Builder anApiKey() {
        return new Builder();
    }

    public static final class Builder {
        private ApiKeyId id = ApiKeyId.generate();
        private OrganizationId organizationId = OrganizationId.generate();
        private String name = DEFAULT_NAME;
        private ApiKeyToken token = ApiKeyToken.generate();
        private Instant expiresAt;
        private Instant revokedAt;
        private Instant lastUsedAt;
        private long version = 1;
        private Instant createdAt = DEFAULT_TIMESTAMP;
        private Instant updatedAt = DEFAULT_TIMESTAMP;

        private Builder() {
        }

        public Builder withId(ApiKeyId id) {
            this.id = id;
            return this;
        }

        public Builder withOrganizationId(OrganizationId organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        /** The key's prefix and secret hash become this token's. */
        public Builder withToken(ApiKeyToken token) {
            this.token = token;
            return this;
        }

        public Builder withExpiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder withRevokedAt(Instant revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        public Builder withLastUsedAt(Instant lastUsedAt) {
            this.lastUsedAt = lastUsedAt;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Builder withCreatedAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder withUpdatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public ApiKey build() {
            return new ApiKey(id, organizationId, name, token.prefix(), token.hash(), expiresAt, revokedAt,
                    lastUsedAt, version, createdAt, updatedAt);
        }
    }
}
