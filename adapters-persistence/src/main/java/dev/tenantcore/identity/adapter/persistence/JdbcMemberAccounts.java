package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.access.application.MemberAccounts;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts behind the access context's memberships: address and display name, read-only. Migration V4 lets a
 * tenant transaction see exactly its members' rows in users and user_profiles (policy organization_members).
 */
@Singleton
final class JdbcMemberAccounts implements MemberAccounts {
    private final JdbcOperations jdbc;

    JdbcMemberAccounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UserId, MemberAccount> findAll(Collection<UserId> userIds) {
        TenantSession.requireAny();
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
                SELECT u.id, u.email::text AS email, p.display_name
                FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id
                WHERE u.id = ANY (?)""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid",
                    userIds.stream().map(UserId::value).distinct().toArray()));
            var accounts = new HashMap<UserId, MemberAccount>();
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    accounts.put(new UserId(row.getObject("id", UUID.class)),
                            new MemberAccount(row.getString("email"), row.getString("display_name")));
                }
            }
            return Map.copyOf(accounts);
        });
    }

    @Override
    public Optional<UserId> findIdByEmail(String email) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT id FROM users WHERE email = ?::citext", statement -> {
            statement.setString(1, email);
            try (var row = statement.executeQuery()) {
                return row.next() ? Optional.of(new UserId(row.getObject("id", UUID.class)))
                        : Optional.<UserId>empty();
            }
        });
    }
}
