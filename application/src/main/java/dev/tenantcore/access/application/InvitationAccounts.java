package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.UserId;
import java.util.Optional;

/**
 * What accepting an invitation needs from the identity context, which implements it (the identity context already
 * depends on this one, so the port lives here). Finding and preparing run before any transaction opens, so that
 * the slow password hash holds no connection; {@link #register} joins the acceptance's transaction, which must be
 * opened for {@link NewAccount#userId()}.
 */
public interface InvitationAccounts {

    /**
     * The account that has this address, if any. The invitation reached the address, so no password is needed to
     * make that account a member. Throws {@code AccessDeniedException} when the account is suspended.
     */
    Optional<UserId> findByEmail(String email);

    /**
     * A new account for an address nobody has, with the password (hashed here) and display name the invited person
     * chose. Throws {@code InvariantViolationException} naming {@code password} or {@code displayName}.
     */
    NewAccount prepare(String email, String password, String displayName);

    /** Inserts the prepared account. */
    void register(NewAccount account);

    /** An account ready to be inserted; its password is already hashed. */
    interface NewAccount {
        UserId userId();
    }
}
