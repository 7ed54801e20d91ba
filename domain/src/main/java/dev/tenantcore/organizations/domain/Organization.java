package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/** A tenant. Its id is the {@code organization_id} every tenant-scoped row carries. */
public final class Organization {
    public static final int NAME_MAX_LENGTH = 200;

    private final OrganizationId id;
    private String name;
    private final Slug slug;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Organization(OrganizationId id, String name, Slug slug, long version, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Text.required("name", name, NAME_MAX_LENGTH);
        this.slug = Objects.requireNonNull(slug, "slug");
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Organization create(OrganizationId id, String name, Slug slug, Instant now) {
        return new Organization(id, name, slug, 1, now, now);
    }

    /** Rebuilds an organization from storage; the values were valid when stored. */
    public static Organization reconstitute(
            OrganizationId id, String name, Slug slug, long version, Instant createdAt, Instant updatedAt) {
        return new Organization(id, name, slug, version, createdAt, updatedAt);
    }

    public void rename(String newName) {
        this.name = Text.required("name", newName, NAME_MAX_LENGTH);
    }

    public OrganizationId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Slug slug() {
        return slug;
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
