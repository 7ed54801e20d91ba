package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Accounts and memberships for the identity contract tests, written as the runtime role the way the service
 * writes them: the account in a transaction whose user is its owner, a membership in its organization's.
 */
@Singleton
public final class TestAccounts {
    /** What an account was registered with: unique, so a scan of the whole database finds only this one. */
    public record Person(User user, String displayName) {
        public UserId id() {
            return user.id();
        }
    }

    private final UserRepository users;
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    TestAccounts(UserRepository users, TenantTransactions transactions, JdbcOperations jdbc) {
        this.users = users;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** A new account with a password, a profile and default preferences; registered in {@code organization}. */
    public Person register(OrganizationId organization, String name) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var unique = UUID.randomUUID().toString();
        var user = User.register(new EmailAddress(name.toLowerCase() + "." + unique + "@example.com"), now);
        var displayName = name + " " + unique;
        transactions.writeForUser(organization, user.id(), () -> {
            users.register(user, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", now,
                    UserProfile.initial(user.id(), displayName, now));
            return null;
        });
        return new Person(user, displayName);
    }

    /** An active membership holding the named built-in or custom role. */
    public void makeMember(OrganizationId organizationId, UserId userId, String role) {
        setMembership(organizationId, userId, role, "active");
    }

    public void makeSuspendedMember(OrganizationId organizationId, UserId userId, String role) {
        setMembership(organizationId, userId, role, "suspended");
    }

    private void setMembership(OrganizationId organizationId, UserId userId, String role, String status) {
        transactions.write(organizationId, () -> jdbc.prepareStatement("""
                WITH m AS (INSERT INTO memberships (organization_id, user_id, status) VALUES (?, ?, ?) RETURNING *)
                INSERT INTO user_roles (organization_id, user_id, role_id)
                SELECT m.organization_id, m.user_id, r.id FROM m JOIN roles r
                  ON r.organization_id = m.organization_id AND r.name = ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setString(3, status);
            statement.setString(4, role);
            return statement.executeUpdate();
        }));
    }

    /** A provider account linked to the user's, written in the user's own transaction. */
    public void linkExternalLogin(OrganizationId organization, UserId userId, String provider, String subject,
            String emailAtProvider) {
        transactions.writeForUser(organization, userId, () -> jdbc.prepareStatement("""
                INSERT INTO user_external_logins (user_id, provider, subject, email_at_provider, linked_at)
                VALUES (?, ?, ?, ?, now())""", statement -> {
            statement.setObject(1, userId.value());
            statement.setString(2, provider);
            statement.setString(3, subject);
            statement.setString(4, emailAtProvider);
            return statement.executeUpdate();
        }));
    }

    /** A task of the organization assigned to the member; its id. */
    public UUID assignTask(OrganizationId organizationId, UserId assignee) {
        return transactions.write(organizationId, () -> jdbc.prepareStatement("""
                INSERT INTO tasks (organization_id, title, assignee_id) VALUES (?, 'assigned', ?) RETURNING id""",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, assignee.value());
                    try (var row = statement.executeQuery()) {
                        row.next();
                        return row.getObject(1, UUID.class);
                    }
                }));
    }

    /** An invitation the user accepted: the address is gone (V4), who accepted it stays; its id. */
    public UUID acceptedInvitation(OrganizationId organizationId, UserId acceptedBy) {
        return transactions.write(organizationId, () -> jdbc.prepareStatement("""
                INSERT INTO invitations (organization_id, email, token_hash, expires_at, accepted_at, accepted_by)
                VALUES (?, NULL, sha256(gen_random_uuid()::text::bytea), now() + interval '1 day', now(), ?)
                RETURNING id""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, acceptedBy.value());
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }));
    }

    /** A single value from a query in the organization's transaction (no user). */
    public Object valueOf(OrganizationId organizationId, String sql, Object... parameters) {
        return transactions.read(organizationId, () -> jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var row = statement.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }));
    }
}
