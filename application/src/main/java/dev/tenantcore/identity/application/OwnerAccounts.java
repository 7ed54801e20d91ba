package dev.tenantcore.identity.application;

import dev.tenantcore.shared.domain.UserId;

/**
 * Sign-up's way to an organization's first owner (used by the organizations context): a new account, or the person
 * signed in. Sign-up never checks an existing account's password: that made it a password oracle beside the
 * throttled login. Preparing does the slow part (hashing a new password) before any transaction opens; saving joins
 * the organization's sign-up transaction, which must be opened for {@link PreparedOwner#userId()}.
 */
public interface OwnerAccounts {

    /**
     * A new account for an address nobody has. Throws {@code InvariantViolationException} for a password or display
     * name that breaks the rules, then {@code ConflictException} when the address has an account, whatever the
     * password: an existing person signs up further organizations with their access token.
     */
    PreparedOwner prepare(String email, String password, String displayName);

    /** The signed-in person (from their access token) as the owner; their account is checked when saving. */
    PreparedOwner signedIn(UserId userId);

    /**
     * Inserts the account if it is new; for the signed-in person, checks that their account still exists and is
     * active ({@code AuthenticationFailedException} otherwise: an erased account's token outliving it).
     */
    void save(PreparedOwner owner);

    /** An owner ready to be saved; {@code isNew} false means the signed-in person's existing account. */
    interface PreparedOwner {
        UserId userId();

        boolean isNew();
    }
}
