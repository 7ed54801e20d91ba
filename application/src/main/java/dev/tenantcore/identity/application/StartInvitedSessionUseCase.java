package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.InvitationAcceptance;
import java.util.Optional;

public interface StartInvitedSessionUseCase {

    /**
     * Logs the invited person in to the organization they just joined: every acceptance proved who they are (their
     * access token, their account's password, or the password a new account chose). Empty only when the membership
     * was changed or removed between the acceptance and this call.
     */
    Optional<Session> startAfter(InvitationAcceptance acceptance);
}
