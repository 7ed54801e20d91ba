package dev.tenantcore.__context__.domain;

import dev.tenantcore.shared.domain.Permission;

/** The __context__ context's permissions; its migration catalogues them and grants them to the built-in roles. */
public final class __Entity__Permissions {
    public static final Permission READ = new Permission("__context__:read");
    public static final Permission WRITE = new Permission("__context__:write");

    private __Entity__Permissions() {
    }
}
