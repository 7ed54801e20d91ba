package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.Permission;

/** The tasks context's permissions; migration V4 catalogues them and grants them to the built-in roles. */
public final class TaskPermissions {
    public static final Permission READ = new Permission("tasks:read");
    public static final Permission WRITE = new Permission("tasks:write");

    private TaskPermissions() {
    }
}
