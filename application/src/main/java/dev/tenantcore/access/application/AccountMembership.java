package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One of a person's memberships, as the person sees it from any organization: which organization, in which state,
 * since when.
 *
 * @param roleNamesOrNull the roles held, or null where they cannot be read: an organization's roles are that
 *                        organization's data, readable only in a transaction for it
 */
public record AccountMembership(OrganizationId organizationId, MembershipStatus status, Set<String> roleNamesOrNull,
        Instant createdAt, Instant updatedAt) {

    public AccountMembership {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
        roleNamesOrNull = roleNamesOrNull == null ? null : Set.copyOf(roleNamesOrNull);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
