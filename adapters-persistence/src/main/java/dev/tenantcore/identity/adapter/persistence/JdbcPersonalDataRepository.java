package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.instant;

import dev.tenantcore.access.application.AccountMemberships;
import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.identity.domain.RefreshSession;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rest of a person's data for their export. The user's own tables follow the transaction's user; memberships
 * and their roles come from the access context, which owns them, through {@link AccountMemberships}, in the same
 * transaction. No hash is selected.
 */
@Singleton
final class JdbcPersonalDataRepository implements PersonalDataRepository {
    private final JdbcOperations jdbc;
    private final AccountMemberships memberships;

    JdbcPersonalDataRepository(JdbcOperations jdbc, AccountMemberships memberships) {
        this.jdbc = jdbc;
        this.memberships = memberships;
    }

    @Override
    public Optional<Instant> findPasswordChangedAt(UserId userId) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT password_changed_at FROM user_credentials WHERE user_id = ?",
                statement -> {
                    statement.setObject(1, userId.value());
                    try (var row = statement.executeQuery()) {
                        return row.next() ? Optional.of(instant(row, "password_changed_at"))
                                : Optional.<Instant>empty();
                    }
                });
    }

    @Override
    public List<LinkedExternalLogin> findExternalLogins(UserId userId) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                SELECT id, provider, subject, email_at_provider, linked_at FROM user_external_logins
                WHERE user_id = ? ORDER BY linked_at, id""", statement -> {
            statement.setObject(1, userId.value());
            var logins = new ArrayList<LinkedExternalLogin>();
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    logins.add(new LinkedExternalLogin(row.getObject("id", UUID.class), row.getString("provider"),
                            row.getString("subject"), row.getString("email_at_provider"),
                            instant(row, "linked_at")));
                }
            }
            return List.copyOf(logins);
        });
    }

    @Override
    public List<RefreshSession> findRefreshSessions(UserId userId) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                SELECT id, organization_id, family_id, created_at, expires_at, used_at, revoked_at
                FROM refresh_tokens WHERE user_id = ? ORDER BY created_at, id""", statement -> {
            statement.setObject(1, userId.value());
            var sessions = new ArrayList<RefreshSession>();
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    sessions.add(new RefreshSession(row.getObject("id", UUID.class),
                            new OrganizationId(row.getObject("organization_id", UUID.class)),
                            row.getObject("family_id", UUID.class), instant(row, "created_at"),
                            instant(row, "expires_at"), instant(row, "used_at"), instant(row, "revoked_at")));
                }
            }
            return List.copyOf(sessions);
        });
    }

    @Override
    public List<OwnMembership> findMemberships(OrganizationId current, UserId userId) {
        return memberships.findAll(current, userId).stream()
                .map(membership -> new OwnMembership(membership.organizationId(),
                        OwnMembership.Status.fromCode(membership.status().code()), membership.roleNamesOrNull(),
                        membership.createdAt(), membership.updatedAt()))
                .toList();
    }
}
