package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.application.AccountMembership;
import dev.tenantcore.access.application.AccountMemberships;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One account's memberships, for the identity context's export and erasure (migration V4). Leaving an organization
 * runs in that organization's transaction, so the audit trigger's events for the membership, its roles and the
 * unassigned tasks land in that organization's log; the foreign keys do the rest (user_roles and refresh_tokens
 * cascade, tasks.assignee_id is set null). Memberships in other organizations are visible through the
 * {@code own_memberships} policy; roles only in the transaction's organization.
 */
@Singleton
final class JdbcAccountMemberships implements AccountMemberships {
    private final JdbcStatements statements;

    JdbcAccountMemberships(JdbcOperations jdbc) {
        this.statements = new JdbcStatements(jdbc);
    }

    @Override
    public List<AccountMembership> findAll(OrganizationId current, UserId userId) {
        TenantSession.require(current);
        return List.copyOf(statements.query("""
                SELECT m.organization_id, m.status, m.created_at, m.updated_at,
                       CASE WHEN m.organization_id = ? THEN ARRAY(
                           SELECT r.name::text FROM user_roles ur
                           JOIN roles r ON r.organization_id = ur.organization_id AND r.id = ur.role_id
                           WHERE ur.organization_id = m.organization_id AND ur.user_id = m.user_id
                           ORDER BY 1) END AS role_names
                FROM memberships m WHERE m.user_id = ? ORDER BY m.created_at, m.organization_id""", statement -> {
            statement.setObject(1, current.value());
            statement.setObject(2, userId.value());
        }, JdbcAccountMemberships::toAccountMembership));
    }

    @Override
    public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        // The ownership lock, the one member changes take too (JdbcMembershipRepository.lockOwnersAndCountOthers):
        // the organization's owner role row, which nothing else updates (built-in roles never change); FOR NO KEY
        // UPDATE leaves the key-share locks of role grants unblocked. The count is a second statement, so that it
        // sees what a transaction that held the lock before committed (in READ COMMITTED a statement sees what was
        // committed when it started).
        statements.query("""
                SELECT id FROM roles WHERE organization_id = ? AND builtin = 'owner'
                FOR NO KEY UPDATE""", statement -> statement.setObject(1, organizationId.value()),
                row -> row.getObject(1));
        return statements.query("""
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
        }, row -> row.getBoolean(1)).getFirst();
    }

    @Override
    public void leaveOrganization(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        statements.update("""
                WITH forgotten AS (
                    UPDATE invitations SET accepted_by = NULL WHERE organization_id = ? AND accepted_by = ?)
                DELETE FROM memberships WHERE organization_id = ? AND user_id = ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setObject(3, organizationId.value());
            statement.setObject(4, userId.value());
        });
    }

    private static AccountMembership toAccountMembership(ResultSet row) throws SQLException {
        var roles = row.getArray("role_names");
        return new AccountMembership(new OrganizationId(row.getObject("organization_id", UUID.class)),
                MembershipStatus.fromCode(row.getString("status")),
                roles == null ? null : Set.of((String[]) roles.getArray()),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
