package dev.tenantcore.access.domain;

import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Valid roles for tests; override only what the test is about. */
public final class RoleTestData {
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * What the built-in roles grant in tests without a database (the in-memory repositories serve these): a
     * stand-in, not the specification. The grants are the database's (builtin_role_permissions, written by each
     * module's migration); tests with a database read them there.
     */
    public static final Map<BuiltinRole, Set<Permission>> BUILTIN_PERMISSIONS = Map.of(
            BuiltinRole.OWNER, TestPermissions.ALL,
            BuiltinRole.ADMIN, TestPermissions.ALL,
            BuiltinRole.MEMBER, Set.of(OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ,
                    TaskPermissions.READ, TaskPermissions.WRITE),
            BuiltinRole.VIEWER, Set.of(OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ,
                    TaskPermissions.READ));

    private RoleTestData() {
    }

    public static Builder aRole() {
        return new Builder();
    }

    /** The built-in role as an organization has it. */
    public static Role builtin(OrganizationId organizationId, BuiltinRole role) {
        return new Role(RoleId.generate(), organizationId, role.code(), null, role, BUILTIN_PERMISSIONS.get(role), 1,
                DEFAULT_TIMESTAMP, DEFAULT_TIMESTAMP);
    }

    public static final class Builder {
        private RoleId id = RoleId.generate();
        private OrganizationId organizationId = OrganizationId.generate();
        private String name = "support";
        private String description;
        private Set<Permission> permissions = Set.of(TaskPermissions.READ);
        private long version = 1;

        private Builder() {
        }

        public Builder withId(RoleId id) {
            this.id = id;
            return this;
        }

        public Builder withOrganizationId(OrganizationId organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        public Builder withDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder withPermissions(Permission... permissions) {
            this.permissions = Set.of(permissions);
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Role build() {
            return new Role(id, organizationId, name, description, null, permissions, version, DEFAULT_TIMESTAMP,
                    DEFAULT_TIMESTAMP);
        }
    }
}
