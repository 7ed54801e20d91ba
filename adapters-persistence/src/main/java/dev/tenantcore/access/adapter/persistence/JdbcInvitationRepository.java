package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.application.MemberAccounts;
import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.access.domain.InvitationRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * invitations and invitation_roles (migration V4). Roles are stored by id and read back by their current name, so
 * renaming a role carries over to the invitations that grant it. Every statement names the organization; row-level
 * security is the backstop. Whether an address is a member's asks the identity context for the account
 * ({@link MemberAccounts}).
 */
@Singleton
final class JdbcInvitationRepository implements InvitationRepository {
    private static final String COLUMNS = """
            SELECT i.organization_id, i.id, i.email, i.token_hash, i.expires_at, i.accepted_at, i.accepted_by,
                   i.revoked_at, i.version, i.created_at, i.updated_at,
                   ARRAY(SELECT r.name::text FROM invitation_roles ir
                         JOIN roles r ON r.organization_id = ir.organization_id AND r.id = ir.role_id
                         WHERE ir.organization_id = i.organization_id AND ir.invitation_id = i.id
                         ORDER BY r.name) AS roles
            FROM invitations i
            """;

    private final JdbcOperations jdbc;
    private final MemberAccounts accounts;

    JdbcInvitationRepository(JdbcOperations jdbc, MemberAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public void insert(Invitation invitation) {
        TenantSession.require(invitation.organizationId());
        int granted;
        try {
            // One statement: the invitation, and its roles looked up by name in the same organization.
            granted = jdbc.prepareStatement("""
                    WITH invitation AS (
                        INSERT INTO invitations (organization_id, id, email, token_hash, expires_at, version,
                                                 created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING organization_id, id)
                    INSERT INTO invitation_roles (organization_id, invitation_id, role_id)
                    SELECT i.organization_id, i.id, r.id
                    FROM invitation i JOIN roles r ON r.organization_id = i.organization_id
                    WHERE r.name = ANY (?::citext[])""", statement -> {
                statement.setObject(1, invitation.organizationId().value());
                statement.setObject(2, invitation.id().value());
                statement.setString(3, invitation.email());
                statement.setBytes(4, invitation.tokenHash());
                statement.setObject(5, utc(invitation.expiresAt()));
                statement.setLong(6, invitation.version());
                statement.setObject(7, utc(invitation.createdAt()));
                statement.setObject(8, utc(invitation.updatedAt()));
                statement.setArray(9, textArray(statement, invitation.roles()));
                return statement.executeUpdate();
            });
        } catch (RuntimeException e) {
            if (ConstraintViolations.isUniqueViolation(e, "invitations_open_email_key")) {
                throw new ConflictException("this address has an open invitation already; revoke it to invite "
                        + "again");
            }
            throw e;
        }
        if (granted != invitation.roles().size()) {
            // The caller's transaction rolls the invitation back with this.
            throw new InvariantViolationException("roles", "the organization has no role with some of these names");
        }
    }

    @Override
    public Optional<Invitation> findById(OrganizationId organizationId, InvitationId id) {
        TenantSession.require(organizationId);
        return jdbc.prepareStatement(COLUMNS + "WHERE i.organization_id = ? AND i.id = ?", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, id.value());
            return first(statement);
        });
    }

    @Override
    public Optional<Invitation> findOpenByEmail(OrganizationId organizationId, String email) {
        TenantSession.require(organizationId);
        return jdbc.prepareStatement(COLUMNS + """
                WHERE i.organization_id = ? AND i.email = ?::citext
                  AND i.accepted_at IS NULL AND i.revoked_at IS NULL""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setString(2, email);
            return first(statement);
        });
    }

    @Override
    public Page<Invitation> list(OrganizationId organizationId, PageRequest<InvitationId> page) {
        TenantSession.require(organizationId);
        var before = page.after().map(InvitationId::value).orElse(PersistedIds.NEWEST);
        var found = jdbc.prepareStatement(COLUMNS + """
                WHERE i.organization_id = ? AND i.id < ?
                ORDER BY i.id DESC
                LIMIT ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, before);
            statement.setInt(3, page.limit() + 1);
            try (var rows = statement.executeQuery()) {
                var invitations = new ArrayList<Invitation>();
                while (rows.next()) {
                    invitations.add(toInvitation(rows));
                }
                return invitations;
            }
        });
        return Page.fromOverfetch(found, page.limit());
    }

    @Override
    public boolean update(Invitation invitation) {
        TenantSession.require(invitation.organizationId());
        return jdbc.prepareStatement("""
                UPDATE invitations
                SET email = ?, accepted_at = ?, accepted_by = ?, revoked_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND version = ?""", statement -> {
            statement.setString(1, invitation.email());
            statement.setObject(2, utc(invitation.acceptedAt()));
            statement.setObject(3, invitation.acceptedBy() == null ? null : invitation.acceptedBy().value());
            statement.setObject(4, utc(invitation.revokedAt()));
            statement.setObject(5, invitation.organizationId().value());
            statement.setObject(6, invitation.id().value());
            statement.setLong(7, invitation.version());
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public boolean isMemberAddress(OrganizationId organizationId, String email) {
        TenantSession.require(organizationId);
        // The account is the identity context's; the organization sees the accounts of its members only (and the
        // caller's own), so the membership decides.
        return accounts.findIdByEmail(email).map(userId -> jdbc.prepareStatement("""
                SELECT EXISTS (SELECT FROM memberships WHERE organization_id = ? AND user_id = ?)""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        })).orElse(false);
    }

    private static Optional<Invitation> first(PreparedStatement statement) throws SQLException {
        try (var row = statement.executeQuery()) {
            return row.next() ? Optional.of(toInvitation(row)) : Optional.empty();
        }
    }

    private static Invitation toInvitation(ResultSet row) throws SQLException {
        var acceptedBy = row.getObject("accepted_by", UUID.class);
        var roles = row.getArray("roles");
        List<String> names;
        try {
            names = List.of((String[]) roles.getArray());
        } finally {
            roles.free();
        }
        return Invitation.reconstitute(new InvitationId(row.getObject("id", UUID.class)),
                new OrganizationId(row.getObject("organization_id", UUID.class)), row.getString("email"),
                Set.copyOf(names), row.getBytes("token_hash"), instant(row, "expires_at"),
                instant(row, "accepted_at"), acceptedBy == null ? null : new UserId(acceptedBy),
                instant(row, "revoked_at"), row.getLong("version"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static java.sql.Array textArray(PreparedStatement statement, Set<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray(String[]::new));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
