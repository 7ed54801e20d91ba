package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.Permission;

/** The access context's permissions; migration V4 catalogues them and grants them to the built-in roles. */
public final class AccessPermissions {
    public static final Permission MEMBERS_READ = new Permission("members:read");
    public static final Permission MEMBERS_MANAGE = new Permission("members:manage");
    public static final Permission ROLES_MANAGE = new Permission("roles:manage");

    private AccessPermissions() {
    }
}
