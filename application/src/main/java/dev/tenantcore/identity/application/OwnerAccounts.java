package dev.tenantcore.identity.application;

import dev.tenantcore.shared.domain.UserId;

/**
 * Sign-up's way to an organization's first owner (used by the organizations context). Preparing does the slow
 * part (hashing a new password, or checking an existing account's) before any transaction opens; saving joins
 * the organization's sign-up transaction, which must be opened for {@link PreparedOwner#userId()}.
 */
public interface OwnerAccounts {

    /**
     * A new account for an unknown address; for a known one, that account, if the password is its password.
     * Throws {@code ConflictException} when the address belongs to an account and the password is not its own.
     */
    PreparedOwner prepare(String email, String password, String displayName);

    /** Inserts the account if it is new. */
    void save(PreparedOwner owner);

    /** An owner ready to be saved; {@code isNew} false means the account exists and proved its password. */
    interface PreparedOwner {
        UserId userId();

        boolean isNew();
    }
}
