package dev.tenantcore.organizations.domain;

import dev.tenantcore.shared.domain.Permission;

/** The organizations context's permissions; migration V4 catalogues them and grants them to the built-in roles. */
public final class OrganizationPermissions {
    public static final Permission READ = new Permission("organization:read");
    public static final Permission MANAGE = new Permission("organization:manage");

    private OrganizationPermissions() {
    }
}
