package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListInvitationsUseCase {

    /** The caller's organization's invitations, newest first, whatever their status; needs {@code members:manage}. */
    Page<Invitation> list(PageRequest<InvitationId> page);
}
