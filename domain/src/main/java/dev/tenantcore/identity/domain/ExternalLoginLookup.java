package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lookups across users and tenants that logging in through a provider needs before any setting is known.
 * Implementations expose nothing beyond what these return.
 */
public interface ExternalLoginLookup {

    /** The account a provider's subject is linked to, whoever that is. */
    Optional<LinkedAccount> findAccount(String provider, String subject);

    /** The organizations the account a provider's subject is linked to is a member of, with that account. */
    List<Membership> findMemberships(String provider, String subject);

    /** The organization a slug or id names. */
    Optional<OrganizationId> findOrganizationId(String slugOrId);

    /** A linked account's membership of one organization. */
    record Membership(UserId userId, OrganizationId organizationId) {
        public Membership {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(organizationId, "organizationId");
        }
    }

    /** The account behind a link, and whether it may log in at all. */
    record LinkedAccount(UserId userId, User.Status status) {
        public LinkedAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(status, "status");
        }
    }
}
