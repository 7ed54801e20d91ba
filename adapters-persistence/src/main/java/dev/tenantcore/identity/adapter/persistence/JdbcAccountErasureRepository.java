package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.access.application.AccountMemberships;
import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Erasure's statements on the person's own tables (migration V4); leaving an organization goes through the access
 * context's {@link AccountMemberships}, which owns memberships, roles and invitations, in the same transaction.
 * Deleting the account cascades to the user's own tables, none of which is audited.
 */
@Singleton
final class JdbcAccountErasureRepository implements AccountErasureRepository {
    private final JdbcOperations jdbc;
    private final AccountMemberships memberships;

    JdbcAccountErasureRepository(JdbcOperations jdbc, AccountMemberships memberships) {
        this.jdbc = jdbc;
        this.memberships = memberships;
    }

    @Override
    public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
        return memberships.isLastActiveOwner(organizationId, userId);
    }

    @Override
    public void leave(OrganizationId organizationId, UserId userId) {
        memberships.leaveOrganization(organizationId, userId);
    }

    @Override
    public boolean lockAccount(UserId userId) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR UPDATE", statement -> {
            statement.setObject(1, userId.value());
            try (var row = statement.executeQuery()) {
                return row.next();
            }
        });
    }

    @Override
    public void deleteAccount(UserId userId) {
        TenantSession.requireAny();
        jdbc.prepareStatement("DELETE FROM users WHERE id = ?", statement -> {
            statement.setObject(1, userId.value());
            return statement.executeUpdate();
        });
    }
}
