package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.InvitationAcceptance;
import java.util.Optional;

public interface StartInvitedSessionUseCase {

    /**
     * Logs the invited person in to the organization they just joined, when the acceptance itself proved who they
     * are: the account was created by it (its password was just chosen), or the caller is that account's user.
     * Empty otherwise: the invitation proves the address, not the person behind an existing account, who logs in
     * with their password as usual.
     */
    Optional<Session> startAfter(InvitationAcceptance acceptance);
}
