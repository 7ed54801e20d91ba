package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One of a person's memberships, as the person sees it from any organization: which organization, in which state,
 * since when.
 *
 * @param roleNamesOrNull the roles held, or null where they cannot be read: an organization's roles are that
 *                        organization's data, readable only in a transaction for it
 */
public record OwnMembership(OrganizationId organizationId, Status status, Set<String> roleNamesOrNull,
        Instant createdAt, Instant updatedAt) {

    public enum Status {
        ACTIVE, SUSPENDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public OwnMembership {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
        roleNamesOrNull = roleNamesOrNull == null ? null : Set.copyOf(roleNamesOrNull);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
