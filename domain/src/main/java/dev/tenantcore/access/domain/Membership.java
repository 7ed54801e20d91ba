package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person's membership of an organization: whether it is active, and the roles it holds (by id). Immutable; the
 * canonical constructor enforces the invariants; {@link #reconstitute} is how storage brings one back. A stored
 * membership may hold no role at all (deleting a custom role takes it from its holders), but nobody sets one up
 * that way.
 */
public record Membership(
        OrganizationId organizationId,
        UserId userId,
        MembershipStatus status,
        Set<RoleId> roleIds,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Membership {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        roleIds = Set.copyOf(Objects.requireNonNull(roleIds, "roleIds"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A membership as storage holds it, checked like any other. */
    public static Membership reconstitute(OrganizationId organizationId, UserId userId, MembershipStatus status,
            Set<RoleId> roleIds, long version, Instant createdAt, Instant updatedAt) {
        return new Membership(organizationId, userId, status, roleIds, version, createdAt, updatedAt);
    }

    /** A new, active member holding {@code roleIds}. */
    public static Membership create(OrganizationId organizationId, UserId userId, Set<RoleId> roleIds, Instant now) {
        return new Membership(organizationId, userId, MembershipStatus.ACTIVE, atLeastOne(roleIds), 1, now, now);
    }

    public Membership withRoles(Set<RoleId> newRoleIds) {
        return new Membership(organizationId, userId, status, atLeastOne(newRoleIds), version, createdAt, updatedAt);
    }

    public Membership withStatus(MembershipStatus newStatus) {
        return new Membership(organizationId, userId, newStatus, roleIds, version, createdAt, updatedAt);
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }

    /** Whether the member can act with {@code role} now: holds it and is not suspended. */
    public boolean isActiveHolderOf(RoleId role) {
        return isActive() && roleIds.contains(role);
    }

    /** A member without roles could do nothing; suspending is the way to withdraw all access. */
    private static Set<RoleId> atLeastOne(Set<RoleId> roleIds) {
        if (roleIds == null || roleIds.isEmpty()) {
            throw new InvariantViolationException("roles", "roles must name at least one role; to withdraw all "
                    + "access, suspend the member");
        }
        return roleIds;
    }
}
