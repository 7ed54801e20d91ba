package dev.tenantcore.audit.domain;

import dev.tenantcore.shared.domain.Permission;

/** The audit context's permission; migration V4 catalogues it and grants it to the built-in roles. */
public final class AuditPermissions {
    public static final Permission READ = new Permission("audit:read");

    private AuditPermissions() {
    }
}
