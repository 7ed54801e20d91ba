package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.Permission;

/** The catalog context's permissions; its migration catalogues them and grants them to the built-in roles. */
public final class ProductPermissions {
    public static final Permission READ = new Permission("catalog:read");
    public static final Permission WRITE = new Permission("catalog:write");

    private ProductPermissions() {
    }
}
