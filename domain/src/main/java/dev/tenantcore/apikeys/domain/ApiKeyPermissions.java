package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.Permission;

/** The API keys context's permissions; migration V4 catalogues them and grants them to the built-in roles. */
public final class ApiKeyPermissions {
    public static final Permission READ = new Permission("api-keys:read");
    public static final Permission MANAGE = new Permission("api-keys:manage");

    private ApiKeyPermissions() {
    }
}
