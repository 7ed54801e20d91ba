package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * An accepted invitation: the membership it made, and whether the account was created by this acceptance (its
 * password was just chosen) rather than found.
 */
public record InvitationAcceptance(OrganizationId organizationId, UserId userId, Set<String> roles,
        boolean newAccount) {
    public InvitationAcceptance {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }
}
