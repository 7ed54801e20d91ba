package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.instant;
import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.utc;

import dev.tenantcore.identity.domain.ProviderSession;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** refresh_tokens (migrations V4, V9): a user's own rows, reached in transactions whose user is that user. */
@Singleton
final class JdbcRefreshTokenRepository implements RefreshTokenRepository {
    private final JdbcOperations jdbc;

    JdbcRefreshTokenRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(RefreshToken token) {
        TenantSession.requireAny();
        jdbc.prepareStatement("""
                INSERT INTO refresh_tokens (user_id, id, organization_id, family_id, token_hash, expires_at,
                    provider, provider_subject, provider_session, provider_session_ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, token.userId().value());
            statement.setObject(2, token.id());
            statement.setObject(3, token.organizationId().value());
            statement.setObject(4, token.familyId());
            statement.setBytes(5, token.secretHash());
            statement.setObject(6, utc(token.expiresAt()));
            var session = token.providerSession();
            statement.setString(7, session == null ? null : session.provider());
            statement.setString(8, session == null ? null : session.subject());
            statement.setString(9, session == null ? null : session.sessionId());
            statement.setObject(10, session == null ? null : utc(session.endsAt()));
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<RefreshToken> findById(UserId userId, UUID id) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                SELECT organization_id, family_id, token_hash, expires_at, used_at, revoked_at, provider,
                    provider_subject, provider_session, provider_session_ends_at
                FROM refresh_tokens WHERE user_id = ? AND id = ?""", statement -> {
            statement.setObject(1, userId.value());
            statement.setObject(2, id);
            try (var row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.<RefreshToken>empty();
                }
                return Optional.of(RefreshToken.reconstitute(userId, id,
                        new OrganizationId(row.getObject("organization_id", UUID.class)),
                        row.getObject("family_id", UUID.class), row.getBytes("token_hash"),
                        instant(row, "expires_at"), instant(row, "used_at"), instant(row, "revoked_at"),
                        row.getString("provider") == null ? null : new ProviderSession(row.getString("provider"),
                                row.getString("provider_subject"), row.getString("provider_session"),
                                instant(row, "provider_session_ends_at"))));
            }
        });
    }

    @Override
    public boolean markUsed(UserId userId, UUID id, Instant at) {
        TenantSession.requireAny();
        return jdbc.prepareStatement(
                "UPDATE refresh_tokens SET used_at = ? WHERE user_id = ? AND id = ? AND used_at IS NULL",
                statement -> {
                    statement.setObject(1, utc(at));
                    statement.setObject(2, userId.value());
                    statement.setObject(3, id);
                    return statement.executeUpdate() == 1;
                });
    }

    @Override
    public void revokeFamily(UserId userId, UUID familyId, Instant at) {
        TenantSession.requireAny();
        jdbc.prepareStatement("""
                UPDATE refresh_tokens SET revoked_at = ?
                WHERE user_id = ? AND family_id = ? AND revoked_at IS NULL""", statement -> {
            statement.setObject(1, utc(at));
            statement.setObject(2, userId.value());
            statement.setObject(3, familyId);
            return statement.executeUpdate();
        });
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        TenantSession.requireAny();
        jdbc.prepareStatement("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                statement -> {
                    statement.setObject(1, utc(at));
                    statement.setObject(2, userId.value());
                    return statement.executeUpdate();
                });
    }

    @Override
    public int revokeProviderSessions(UserId userId, OrganizationId organizationId, String provider, String subject,
            String sessionId, Instant at) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                UPDATE refresh_tokens SET revoked_at = ?
                WHERE user_id = ? AND organization_id = ? AND provider = ? AND provider_subject = ?
                  AND (?::text IS NULL OR provider_session = ?) AND revoked_at IS NULL""", statement -> {
            statement.setObject(1, utc(at));
            statement.setObject(2, userId.value());
            statement.setObject(3, organizationId.value());
            statement.setString(4, provider);
            statement.setString(5, subject);
            statement.setString(6, sessionId);
            statement.setString(7, sessionId);
            return statement.executeUpdate();
        });
    }
}
