package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts behind an organization's memberships, which belong to the person and to the identity context: it
 * implements this port (it already depends on this context, so the port lives here). Both methods join the caller's
 * tenant transaction, in which the organization sees its members' accounts only.
 */
public interface MemberAccounts {

    /**
     * The address and display name of each of the accounts, in one lookup however many there are (a page of members
     * costs one statement, not one per member); an account the transaction cannot see is missing from the map.
     */
    Map<UserId, MemberAccount> findAll(Collection<UserId> userIds);

    /** The account with this address (compared case-insensitively), if the transaction can see it. */
    Optional<UserId> findIdByEmail(String email);

    /**
     * @param displayNameOrNull null while the person has no profile
     */
    record MemberAccount(String email, String displayNameOrNull) {
        public MemberAccount {
            Objects.requireNonNull(email, "email");
        }
    }
}
