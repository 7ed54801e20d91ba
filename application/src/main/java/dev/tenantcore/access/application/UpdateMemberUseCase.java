package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Member;

public interface UpdateMemberUseCase {

    /**
     * Changes a member's roles or status. The caller must be able to grant every role added or taken away, and,
     * to suspend or reactivate, every role the member holds (only an owner acts on owners); the organization must
     * keep an active owner.
     */
    Member update(UpdateMemberCommand command);
}
