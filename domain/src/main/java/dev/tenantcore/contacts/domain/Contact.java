package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact of an organization. Immutable: a change returns a new value, and the canonical constructor
 * enforces every invariant; {@link #reconstitute} is how storage brings one back. The description is optional (null
 * when absent).
 */
public record Contact(
        ContactId id,
        OrganizationId organizationId,
        String name,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Contact create(OrganizationId organizationId, String name, String description, Instant now) {
        return new Contact(ContactId.generate(), organizationId, name, description, 1, now, now);
    }

    /** A contact as storage holds it. */
    public static Contact reconstitute(ContactId id, OrganizationId organizationId, String name,
            String description, long version, Instant createdAt, Instant updatedAt) {
        return new Contact(id, organizationId, name, description, version, createdAt, updatedAt);
    }

    /** The contact with its editable fields replaced; a {@code null} description removes it. */
    public Contact revised(String newName, String newDescription) {
        return new Contact(id, organizationId, newName, newDescription, version, createdAt, updatedAt);
    }
}
