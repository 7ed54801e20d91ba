package dev.tenantcore.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** The tenant: every tenant-scoped aggregate belongs to exactly one organization. */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Objects.requireNonNull(value, "organization id");
    }

    public static OrganizationId generate() {
        return new OrganizationId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
