package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Valid memberships for tests; override only what the test is about. */
public final class MembershipTestData {
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private MembershipTestData() {
    }

    public static Builder aMembership() {
        return new Builder();
    }

    public static final class Builder {
        private OrganizationId organizationId = OrganizationId.generate();
        private UserId userId = UserId.generate();
        private MembershipStatus status = MembershipStatus.ACTIVE;
        private Set<RoleId> roleIds = Set.of(RoleId.generate());
        private long version = 1;

        private Builder() {
        }

        public Builder withOrganizationId(OrganizationId organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder withUserId(UserId userId) {
            this.userId = userId;
            return this;
        }

        public Builder withStatus(MembershipStatus status) {
            this.status = status;
            return this;
        }

        public Builder holding(Role... roles) {
            this.roleIds = Arrays.stream(roles).map(Role::id).collect(Collectors.toSet());
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Membership build() {
            return new Membership(organizationId, userId, status, roleIds, version, DEFAULT_TIMESTAMP,
                    DEFAULT_TIMESTAMP);
        }
    }
}
