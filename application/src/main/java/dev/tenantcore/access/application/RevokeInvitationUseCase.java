package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface RevokeInvitationUseCase {

    /**
     * Revokes one of the organization's invitations: its token stops working at once. Revoking twice is harmless;
     * an accepted invitation cannot be revoked. Needs {@code members:manage}.
     */
    void revoke(InvitationId id, ExpectedVersion expectedVersion);
}
