package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.application.MemberAccounts;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.adapter.persistence.PersistedPermissions;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Memberships, with the roles they hold (user_roles). A member's address and display name belong to the person, to
 * the identity context: they come from {@link MemberAccounts}, in the same transaction, one lookup for a whole page
 * of members.
 */
@Singleton
final class JdbcMembershipRepository implements MembershipRepository {
    private static final String SELECT_ROLES = """
            SELECT m.*, ARRAY(SELECT ur.role_id FROM user_roles ur
                              WHERE ur.organization_id = m.organization_id AND ur.user_id = m.user_id) AS role_ids
            FROM memberships m
            WHERE m.organization_id = ? AND m.user_id = ?""";
    private static final String SELECT_MEMBERS = """
            SELECT m.*, coalesce(held.role_ids, '{}') AS role_ids, coalesce(held.role_names, '{}') AS role_names
            FROM memberships m
            LEFT JOIN LATERAL (
                SELECT array_agg(r.id) AS role_ids, array_agg(r.name::text) AS role_names
                FROM user_roles ur JOIN roles r ON r.organization_id = ur.organization_id AND r.id = ur.role_id
                WHERE ur.organization_id = m.organization_id AND ur.user_id = m.user_id) held ON true
            WHERE m.organization_id = ?""";

    private final MembershipRowRepository rows;
    private final MembershipRowMapper mapper;
    private final JdbcStatements statements;
    private final MemberAccounts accounts;

    JdbcMembershipRepository(MembershipRowRepository rows, MembershipRowMapper mapper, JdbcOperations jdbc,
            MemberAccounts accounts) {
        this.rows = rows;
        this.mapper = mapper;
        this.statements = new JdbcStatements(jdbc);
        this.accounts = accounts;
    }

    @Override
    public void insert(Membership membership) {
        TenantSession.require(membership.organizationId());
        try {
            rows.save(mapper.toRow(membership));
        } catch (DataAccessException e) {
            if (ConstraintViolations.isUniqueViolation(e, "memberships_pkey")) {
                throw new ConflictException("the user is a member of this organization already");
            }
            throw e;
        }
        grant(membership.organizationId(), membership.userId(), membership.roleIds());
    }

    @Override
    public Optional<Membership> findById(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        return statements.query(SELECT_ROLES, statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
        }, this::toMembership).stream().findFirst();
    }

    @Override
    public Optional<Member> findMember(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        return withAccounts(statements.query(SELECT_MEMBERS + " AND m.user_id = ?", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
        }, this::toHeldRoles)).stream().findFirst();
    }

    @Override
    public Page<Member> list(OrganizationId organizationId, PageRequest<UserId> page) {
        TenantSession.require(organizationId);
        var before = page.after().map(UserId::value).orElse(PersistedIds.NEWEST);
        var found = statements.query(SELECT_MEMBERS + " AND m.user_id < ? ORDER BY m.user_id DESC LIMIT ?",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, before);
                    statement.setInt(3, page.limit() + 1);
                }, this::toHeldRoles);
        return Page.fromOverfetch(withAccounts(found), page.limit());
    }

    /** The roles are written as a difference, so the audit log records exactly what was granted and withdrawn. */
    @Override
    public Optional<Membership> update(Membership membership) {
        TenantSession.require(membership.organizationId());
        var organizationId = membership.organizationId();
        var updated = rows.updateIfVersion(organizationId.value(), membership.userId().value(), membership.version(),
                membership.status().code());
        if (updated.isEmpty()) {
            return Optional.empty();
        }
        statements.update("""
                DELETE FROM user_roles
                WHERE organization_id = ? AND user_id = ? AND role_id <> ALL (?)""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, membership.userId().value());
            JdbcStatements.bindUuids(statement, 3, membership.roleIds().stream().map(RoleId::value).toList());
        });
        grant(organizationId, membership.userId(), membership.roleIds());
        return Optional.of(mapper.toDomain(updated.getFirst(), membership.roleIds()));
    }

    @Override
    public boolean delete(OrganizationId organizationId, UserId userId, long version) {
        TenantSession.require(organizationId);
        return rows.deleteIfVersion(organizationId.value(), userId.value(), version) == 1;
    }

    /**
     * The lock is the organization's owner role row, which nothing else updates (built-in roles never change), and
     * FOR NO KEY UPDATE does not block the key-share locks that granting a role takes. The count is a statement of
     * its own: in READ COMMITTED each statement sees what was committed when it started, so only a count that
     * starts after the lock is granted sees the change of a transaction that held it before.
     */
    @Override
    public long lockOwnersAndCountOthers(OrganizationId organizationId, UserId excluded) {
        TenantSession.require(organizationId);
        statements.query("""
                SELECT id FROM roles WHERE organization_id = ? AND builtin = 'owner' FOR NO KEY UPDATE""",
                statement -> statement.setObject(1, organizationId.value()), row -> row.getObject(1));
        return statements.query("""
                SELECT count(*) FROM memberships m
                JOIN user_roles ur ON ur.organization_id = m.organization_id AND ur.user_id = m.user_id
                JOIN roles r ON r.organization_id = ur.organization_id AND r.id = ur.role_id
                WHERE m.organization_id = ? AND m.status = 'active' AND r.builtin = 'owner' AND m.user_id <> ?""",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, excluded.value());
                }, row -> row.getLong(1)).getFirst();
    }

    @Override
    public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
        TenantSession.require(organizationId);
        return statements.query("""
                SELECT permissions_of_roles(m.organization_id,
                           ARRAY(SELECT ur.role_id FROM user_roles ur
                                 WHERE ur.organization_id = m.organization_id AND ur.user_id = m.user_id))
                FROM memberships m
                WHERE m.organization_id = ? AND m.user_id = ? AND m.status = 'active'""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
        }, row -> PersistedPermissions.fromArray(row.getArray(1))).stream().findFirst();
    }

    private void grant(OrganizationId organizationId, UserId userId, Set<RoleId> roleIds) {
        if (roleIds.isEmpty()) {
            return;
        }
        statements.update("""
                INSERT INTO user_roles (organization_id, user_id, role_id)
                SELECT ?, ?, unnest(?::uuid[])
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            JdbcStatements.bindUuids(statement, 3, roleIds.stream().map(RoleId::value).toList());
        });
    }

    private Membership toMembership(ResultSet row) throws SQLException {
        var roleIds = JdbcStatements.uuids(row, "role_ids").stream().map(RoleId::new).collect(Collectors.toSet());
        return mapper.toDomain(statements.readEntity(row, MembershipRow.class), roleIds);
    }

    private HeldRoles toHeldRoles(ResultSet row) throws SQLException {
        return new HeldRoles(toMembership(row), JdbcStatements.texts(row, "role_names"));
    }

    /** One lookup of the accounts for all of them, however many there are. */
    private List<Member> withAccounts(List<HeldRoles> found) {
        var byUser = accounts.findAll(found.stream().map(held -> held.membership().userId()).toList());
        return found.stream().map(held -> {
            var userId = held.membership().userId();
            var account = byUser.get(userId);
            if (account == null) {
                throw new IllegalStateException("member " + userId + " has no account the organization can see");
            }
            return new Member(held.membership(), account.email(), account.displayNameOrNull(), held.roleNames());
        }).toList();
    }

    private record HeldRoles(Membership membership, List<String> roleNames) {
    }
}
