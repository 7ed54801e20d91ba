package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;

/** An erasure port that passes every call on; tests override what they want to disturb. */
class ForwardingErasure implements AccountErasureRepository {
    private final AccountErasureRepository delegate;

    ForwardingErasure(AccountErasureRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
        return delegate.isLastActiveOwner(organizationId, userId);
    }

    @Override
    public void leave(OrganizationId organizationId, UserId userId) {
        delegate.leave(organizationId, userId);
    }

    @Override
    public boolean lockAccount(UserId userId) {
        return delegate.lockAccount(userId);
    }

    @Override
    public void deleteAccount(UserId userId) {
        delegate.deleteAccount(userId);
    }
}
