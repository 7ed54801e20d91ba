package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Erasure's statements (migration V4). Leaving an organization runs in that organization's transaction, so the
 * audit trigger's events for the membership, its roles and the unassigned tasks land in that organization's log;
 * the foreign keys do the rest (user_roles and refresh_tokens cascade, tasks.assignee_id is set null). Deleting the
 * account cascades to the user's own tables, none of which is audited.
 */
@Singleton
final class JdbcAccountErasureRepository implements AccountErasureRepository {
    private final JdbcOperations jdbc;

    JdbcAccountErasureRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        // The ownership lock, the one the access context's member changes take too: the organization's owner role
        // row, which nothing else updates (built-in roles never change); FOR NO KEY UPDATE leaves the key-share
        // locks of role grants unblocked. The count is a second statement, so that it sees what a transaction that
        // held the lock before committed (in READ COMMITTED a statement sees what was committed when it started).
        jdbc.prepareStatement("""
                SELECT id FROM roles WHERE organization_id = ? AND builtin = 'owner'
                FOR NO KEY UPDATE""", statement -> {
            statement.setObject(1, organizationId.value());
            try (var row = statement.executeQuery()) {
                return row.next();
            }
        });
        return jdbc.prepareStatement("""
                WITH owners AS (
                    SELECT m.user_id FROM memberships m
                    JOIN user_roles ur ON ur.organization_id = m.organization_id AND ur.user_id = m.user_id
                    JOIN roles r ON r.organization_id = ur.organization_id AND r.id = ur.role_id
                    WHERE m.organization_id = ? AND m.status = 'active' AND r.builtin = 'owner')
                SELECT EXISTS (SELECT FROM owners WHERE user_id = ?)
                   AND NOT EXISTS (SELECT FROM owners WHERE user_id <> ?)""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setObject(3, userId.value());
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    @Override
    public void leave(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        jdbc.prepareStatement("""
                WITH forgotten AS (
                    UPDATE invitations SET accepted_by = NULL WHERE organization_id = ? AND accepted_by = ?)
                DELETE FROM memberships WHERE organization_id = ? AND user_id = ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setObject(3, organizationId.value());
            statement.setObject(4, userId.value());
            return statement.executeUpdate();
        });
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
