package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * What the identity context (sign-up, login, token refresh, invitations) needs from memberships and roles. Both
 * methods join the caller's tenant transaction for {@code organizationId}; they do not check the caller's
 * permissions: the use cases calling them decide who may.
 */
public interface MemberProvisioning {

    /**
     * Makes the user an active member holding the named roles (built-in such as {@code owner}, or custom).
     * Throws {@code InvariantViolationException} ("roles") for a name the organization does not have.
     */
    void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames);

    /** The permissions the member's roles grant, or empty when the user is not an active member. */
    Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId);
}
