package dev.tenantcore.access.domain;

import dev.tenantcore.apikeys.domain.ApiKeyPermissions;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.util.Set;

/**
 * The permissions the tests without a database pretend the catalogue holds. The real catalogue is the database's
 * (tests with one read it through DatabasePermissions); a module's permissions need not be added here.
 */
public final class TestPermissions {
    public static final Set<Permission> ALL = Set.of(OrganizationPermissions.READ, OrganizationPermissions.MANAGE,
            AccessPermissions.MEMBERS_READ, AccessPermissions.MEMBERS_MANAGE, AccessPermissions.ROLES_MANAGE,
            ApiKeyPermissions.READ, ApiKeyPermissions.MANAGE, TaskPermissions.READ, TaskPermissions.WRITE,
            AuditPermissions.READ);

    private TestPermissions() {
    }
}
