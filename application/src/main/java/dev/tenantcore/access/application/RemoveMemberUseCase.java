package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.UserId;

public interface RemoveMemberUseCase {

    /**
     * Ends a membership: its roles go with it and its tasks are unassigned. The caller must be able to grant every
     * role the member holds, and the organization must keep an active owner. The person's account stays.
     */
    void remove(UserId userId, ExpectedVersion expectedVersion);
}
