package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.UserId;

/**
 * What accepting an invitation needs from the identity context, which implements it (the identity context already
 * depends on this one, so the port lives here). Nobody becomes a member without their own action: an existing
 * account accepts with its access token or its password, never by the token alone. Finding and proving run before
 * any transaction opens, so that the slow password work holds no connection; {@link #save} joins the acceptance's
 * transaction, which must be opened for {@link Invitee#userId()}.
 */
public interface InvitationAccounts {

    /**
     * The account an acceptance without a credential acts for. The password is checked against the rules before
     * anything is looked up, so that a missing or malformed one says nothing about the address. An existing account
     * is proven by its password the way a login is (throttled; {@code AuthenticationFailedException} when wrong, also
     * for an account without a password; {@code AccessDeniedException} for a suspended account, said only once its
     * password was right). When no account has the address, a new one is prepared with the password (hashed here)
     * and the display name. Throws {@code InvariantViolationException} naming {@code password} or
     * {@code displayName}.
     */
    Invitee provenByPassword(String email, String password, String displayName);

    /**
     * The signed-in person, when the invited address is their account's; {@code AccessDeniedException} otherwise,
     * and when their account is suspended.
     */
    Invitee signedIn(String email, UserId userId);

    /** Inserts the account if it is new. */
    void save(Invitee invitee);

    /** The account accepting; {@code isNew} when this acceptance creates it. */
    interface Invitee {
        UserId userId();

        boolean isNew();
    }
}
