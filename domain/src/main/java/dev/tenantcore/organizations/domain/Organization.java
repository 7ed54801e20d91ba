package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant. Its id is the {@code organization_id} every tenant-scoped row carries. Immutable: a change returns a
 * new value, and the canonical constructor enforces every invariant; {@link #reconstitute} is how storage brings
 * one back.
 */
public record Organization(
        OrganizationId id, String name, Slug slug, long version, Instant createdAt, Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 200;

    public Organization {
        Objects.requireNonNull(id, "id");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An organization as storage holds it, checked like any other. */
    public static Organization reconstitute(OrganizationId id, String name, Slug slug, long version,
            Instant createdAt, Instant updatedAt) {
        return new Organization(id, name, slug, version, createdAt, updatedAt);
    }

    public static Organization create(OrganizationId id, String name, Slug slug, Instant now) {
        return new Organization(id, name, slug, 1, now, now);
    }

    public Organization renamed(String newName) {
        return new Organization(id, newName, slug, version, createdAt, updatedAt);
    }
}
