package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.Permission;

/** The contacts context's permissions; its migration catalogues them and grants them to the built-in roles. */
public final class ContactPermissions {
    public static final Permission READ = new Permission("contacts:read");
    public static final Permission WRITE = new Permission("contacts:write");
    /** Upload imports of contacts, follow them, read their error reports, cancel them. */
    public static final Permission IMPORTS_MANAGE = new Permission("imports:manage");

    private ContactPermissions() {
    }
}
