package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Valid invitations for tests; override only what the test is about. By default a pending invitation, created at
 * {@link #DEFAULT_TIMESTAMP}, for the member role, with the hash of a token {@link Builder#token()} returns.
 */
public final class InvitationTestData {
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");
    public static final String DEFAULT_EMAIL = "grace@example.com";

    private InvitationTestData() {
    }

    public static Builder anInvitation() {
        return new Builder();
    }

    public static final class Builder {
        private InvitationId id = InvitationId.generate();
        private OrganizationId organizationId = OrganizationId.generate();
        private String email = DEFAULT_EMAIL;
        private Set<String> roles = Set.of("member");
        private Instant expiresAt = DEFAULT_TIMESTAMP.plus(Duration.ofDays(Invitation.DEFAULT_LIFETIME_DAYS));
        private Instant acceptedAt;
        private UserId acceptedBy;
        private Instant revokedAt;
        private long version = 1;
        private InvitationToken token;

        private Builder() {
        }

        public Builder withId(InvitationId id) {
            this.id = id;
            token = null;
            return this;
        }

        public Builder withOrganizationId(OrganizationId organizationId) {
            this.organizationId = organizationId;
            token = null;
            return this;
        }

        public Builder withEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder withRoles(String... roles) {
            this.roles = Set.of(roles);
            return this;
        }

        public Builder withExpiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder acceptedBy(UserId userId, Instant at) {
            this.acceptedBy = userId;
            this.acceptedAt = at;
            this.email = null;
            return this;
        }

        public Builder withRevokedAt(Instant revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        /** The token whose hash the built invitation holds. */
        public InvitationToken token() {
            if (token == null) {
                token = InvitationToken.generate(organizationId, id);
            }
            return token;
        }

        public Invitation build() {
            return new Invitation(id, organizationId, email, roles, token().hash(), expiresAt, acceptedAt, acceptedBy,
                    revokedAt, version, DEFAULT_TIMESTAMP, DEFAULT_TIMESTAMP);
        }
    }
}
