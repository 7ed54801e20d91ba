package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Invitation;

public interface CreateInvitationUseCase {

    /**
     * Invites an address to the caller's organization; needs {@code members:manage}, and the caller must hold every
     * permission the roles grant (and the owner role to grant it). The returned token is the only time it exists
     * outside the invited person's hands.
     */
    Invitation.Issued invite(CreateInvitationCommand command);
}
