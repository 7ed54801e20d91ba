package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Objects;

/** The tenant of a pretend authenticated request; {@link #unauthenticated()} behaves like no request at all. */
public final class FixedCurrentTenant implements CurrentTenant {
    private final OrganizationId organizationId;

    private FixedCurrentTenant(OrganizationId organizationId) {
        this.organizationId = organizationId;
    }

    public static FixedCurrentTenant of(OrganizationId organizationId) {
        return new FixedCurrentTenant(Objects.requireNonNull(organizationId));
    }

    public static FixedCurrentTenant unauthenticated() {
        return new FixedCurrentTenant(null);
    }

    @Override
    public OrganizationId organizationId() {
        if (organizationId == null) {
            throw new IllegalStateException("no authenticated request");
        }
        return organizationId;
    }
}
