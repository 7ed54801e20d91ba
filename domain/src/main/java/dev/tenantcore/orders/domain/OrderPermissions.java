package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.Permission;

/** The orders context's permissions; its migration catalogues them and grants them to the built-in roles. */
public final class OrderPermissions {
    public static final Permission READ = new Permission("orders:read");
    public static final Permission WRITE = new Permission("orders:write");

    private OrderPermissions() {
    }
}
