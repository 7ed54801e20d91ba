package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Valid organizations for tests; override only what the test is about. */
public final class OrganizationTestData {
    public static final String DEFAULT_NAME = "Acme Corporation";
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private static final AtomicLong SLUG_COUNTER = new AtomicLong();

    private OrganizationTestData() {
    }

    public static Builder anOrganization() {
        return new Builder();
    }

    /**
     * A slug no other call returns. The counter makes it unique within this JVM; the random part keeps it unique
     * against rows that earlier test runs left in a shared database.
     */
    public static Slug aUniqueSlug() {
        String randomPart = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Slug("org-" + SLUG_COUNTER.incrementAndGet() + "-" + randomPart);
    }

    public static final class Builder {
        private OrganizationId id = OrganizationId.generate();
        private String name = DEFAULT_NAME;
        private Slug slug = aUniqueSlug();
        private long version = 1;
        private Instant createdAt = DEFAULT_TIMESTAMP;
        private Instant updatedAt = DEFAULT_TIMESTAMP;

        private Builder() {
        }

        public Builder withId(OrganizationId id) {
            this.id = id;
            return this;
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        public Builder withSlug(Slug slug) {
            this.slug = slug;
            return this;
        }

        public Builder withSlug(String slug) {
            return withSlug(new Slug(slug));
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

        public Organization build() {
            return new Organization(id, name, slug, version, createdAt, updatedAt);
        }
    }
}
