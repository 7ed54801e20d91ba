package dev.tenantcore.__context__.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * __A__ __entity_words__ of an organization. Immutable: a change returns a new value, and the canonical constructor
 * enforces every invariant; {@link #reconstitute} is how storage brings one back. The description is optional (null
 * when absent).
 */
public record __Entity__(
        __Entity__Id id,
        OrganizationId organizationId,
        String name,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;

    public __Entity__ {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static __Entity__ create(OrganizationId organizationId, String name, String description, Instant now) {
        return new __Entity__(__Entity__Id.generate(), organizationId, name, description, 1, now, now);
    }

    /** __A__ __entity_words__ as storage holds it. */
    public static __Entity__ reconstitute(__Entity__Id id, OrganizationId organizationId, String name,
            String description, long version, Instant createdAt, Instant updatedAt) {
        return new __Entity__(id, organizationId, name, description, version, createdAt, updatedAt);
    }

    /** The __entity_words__ with its editable fields replaced; a {@code null} description removes it. */
    public __Entity__ revised(String newName, String newDescription) {
        return new __Entity__(id, organizationId, newName, newDescription, version, createdAt, updatedAt);
    }
}
