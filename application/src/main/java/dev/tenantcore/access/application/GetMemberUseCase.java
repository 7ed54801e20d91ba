package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Member;
import dev.tenantcore.shared.domain.UserId;

public interface GetMemberUseCase {

    /** A member of the caller's organization; {@link dev.tenantcore.shared.domain.ResourceNotFoundException} otherwise. */
    Member get(UserId userId);
}
