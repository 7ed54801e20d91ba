package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A department of an organization (Camera, Grip, ...), which contacts belong to. Names are unique within the
 * organization, ignoring case (the database's rule). Every organization starts with the {@link #DEFAULT_CATALOGUE}.
 */
public record Department(
        DepartmentId id,
        OrganizationId organizationId,
        String name,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 100;
    public static final String NAME_TAKEN = "the organization has a department of this name";
    /** What a new organization starts with; migration V10 gave existing organizations the same list. */
    public static final List<String> DEFAULT_CATALOGUE = List.of("Production", "Camera", "Grip", "Electric", "Sound",
            "Art", "Costume", "Hair & Makeup", "Locations", "Transport", "Catering", "Cast");

    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Department create(OrganizationId organizationId, String name, Instant now) {
        return new Department(DepartmentId.generate(), organizationId, name, 1, now, now);
    }

    /** A department as storage holds it. */
    public static Department reconstitute(DepartmentId id, OrganizationId organizationId, String name, long version,
            Instant createdAt, Instant updatedAt) {
        return new Department(id, organizationId, name, version, createdAt, updatedAt);
    }

    public Department renamed(String newName) {
        return new Department(id, organizationId, newName, version, createdAt, updatedAt);
    }
}
