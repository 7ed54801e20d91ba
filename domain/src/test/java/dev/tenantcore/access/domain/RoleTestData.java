package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Valid roles for tests; override only what the test is about. */
public final class RoleTestData {
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * What migration V4 grants the built-in roles (table builtin_role_permissions). The in-memory role repository
     * serves these, and the JDBC repository's contract test checks that the database serves the same.
     */
    public static final Map<BuiltinRole, Set<Permission>> BUILTIN_PERMISSIONS = Map.of(
            BuiltinRole.OWNER, EnumSet.allOf(Permission.class),
            BuiltinRole.ADMIN, EnumSet.allOf(Permission.class),
            BuiltinRole.MEMBER, EnumSet.of(Permission.ORGANIZATION_READ, Permission.MEMBERS_READ,
                    Permission.TASKS_READ, Permission.TASKS_WRITE),
            BuiltinRole.VIEWER, EnumSet.of(Permission.ORGANIZATION_READ, Permission.MEMBERS_READ,
                    Permission.TASKS_READ));

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
        private Set<Permission> permissions = EnumSet.of(Permission.TASKS_READ);
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
            this.permissions = permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions);
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
