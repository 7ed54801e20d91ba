package dev.tenantcore.identity.application;

import java.time.Duration;

public interface LogInExternallyUseCase {

    /**
     * A session for the account the provider's subject is linked to, if it is an active member of the
     * organization; the same tokens as a password login. A subject not linked yet is linked or gets an account
     * only as the provider's {@link ExternalLoginPolicy} allows. Throws {@code AuthenticationFailedException} for
     * every failure but one: a verified address that belongs to an account the policy does not let the subject
     * link to is a {@code ConflictException} (log in with that account and link the provider to it).
     */
    Session logInExternal(ExternalLogInCommand command);

    /** How long a handoff code may wait for its exchange. */
    Duration HANDOFF_LIFETIME = Duration.ofMinutes(1);

    /**
     * As {@link #logInExternal}, for a browser that hands the login over to a front end: the session's first
     * refresh token lasts {@link #HANDOFF_LIFETIME} only. It is the one-time code the front end exchanges (as a
     * refresh: single use, a second use revokes the session) for the session's tokens.
     */
    Session handOffExternal(ExternalLogInCommand command);
}
