package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Member;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;

public interface ListMembersUseCase {

    /** The caller's organization's members, suspended ones included, newest user first. */
    Page<Member> list(PageRequest<UserId> page);
}
