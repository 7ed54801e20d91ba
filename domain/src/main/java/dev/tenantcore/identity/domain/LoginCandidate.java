package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What password login learns about an address before anything is proven: the account, its password hash (none
 * for an account that only logs in through a provider), and, if the named organization exists and the account is
 * its member, the membership's state and permissions.
 */
public record LoginCandidate(UserId userId, User.Status userStatus, String passwordHash,
        Optional<Membership> membership) {

    /** The account's membership of the organization the login names. */
    public record Membership(OrganizationId organizationId, boolean active, Set<Permission> permissions) {
        public Membership {
            Objects.requireNonNull(organizationId, "organizationId");
            permissions = Set.copyOf(permissions);
        }
    }

    public LoginCandidate {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userStatus, "userStatus");
        Objects.requireNonNull(membership, "membership");
    }

    @Override
    public String toString() {
        return "LoginCandidate[" + userId + ", " + userStatus + ", " + membership + "]"; // never the hash
    }
}
