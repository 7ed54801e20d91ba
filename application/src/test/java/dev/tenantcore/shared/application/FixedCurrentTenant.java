package dev.tenantcore.shared.application;

import dev.tenantcore.access.domain.TestPermissions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Objects;
import java.util.Set;

/**
 * The tenant of a pretend authenticated request, holding the permissions of {@link TestPermissions#ALL} unless told
 * otherwise (a module's own tests name theirs with {@link #withOnly}); {@link #unauthenticated()} behaves like no
 * request at all.
 */
public final class FixedCurrentTenant implements CurrentTenant {
    private final OrganizationId organizationId;
    private final Set<Permission> permissions;

    private FixedCurrentTenant(OrganizationId organizationId, Set<Permission> permissions) {
        this.organizationId = organizationId;
        this.permissions = Set.copyOf(permissions);
    }

    public static FixedCurrentTenant of(OrganizationId organizationId) {
        return new FixedCurrentTenant(Objects.requireNonNull(organizationId), TestPermissions.ALL);
    }

    public static FixedCurrentTenant unauthenticated() {
        return new FixedCurrentTenant(null, Set.of());
    }

    /** The same tenant with only these permissions. */
    public FixedCurrentTenant withOnly(Permission... granted) {
        return new FixedCurrentTenant(organizationId, Set.of(granted));
    }

    @Override
    public OrganizationId organizationId() {
        if (organizationId == null) {
            throw new IllegalStateException("no authenticated request");
        }
        return organizationId;
    }

    @Override
    public Set<Permission> permissions() {
        organizationId(); // like the real one: outside an authenticated request there is nothing to ask
        return permissions;
    }
}
