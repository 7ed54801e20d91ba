package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * refresh_tokens over a map, with the conditional used-marking the JDBC adapter has, every change limited to the
 * given user's tokens as its statements are. Writes need a writable
 * transaction of the token's organization, and a rolled-back transaction takes its writes back.
 */
final class InMemoryRefreshTokens implements RefreshTokenRepository {
    final Map<UUID, RefreshToken> stored = new LinkedHashMap<>();
    private final FakeTenantTransactions transactions;

    InMemoryRefreshTokens(FakeTenantTransactions transactions) {
        this.transactions = transactions;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    List<RefreshToken> all() {
        return List.copyOf(stored.values());
    }

    @Override
    public void insert(RefreshToken token) {
        transactions.requireWritable(token.organizationId());
        stored.put(token.id(), token);
    }

    @Override
    public Optional<RefreshToken> findById(UserId userId, UUID id) {
        return Optional.ofNullable(stored.get(id)).filter(token -> token.userId().equals(userId));
    }

    @Override
    public boolean markUsed(UserId userId, UUID id, Instant at) {
        var token = stored.get(id);
        if (token == null || !token.userId().equals(userId) || token.usedAt() != null) {
            return false;
        }
        stored.put(id, with(token, at, token.revokedAt()));
        return true;
    }

    @Override
    public void revokeFamily(UserId userId, UUID familyId, Instant at) {
        stored.replaceAll((id, token) -> token.userId().equals(userId) && token.familyId().equals(familyId)
                && token.revokedAt() == null ? with(token, token.usedAt(), at) : token);
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        stored.replaceAll((id, token) -> token.userId().equals(userId) && token.revokedAt() == null
                ? with(token, token.usedAt(), at) : token);
    }

    @Override
    public int revokeProviderSessions(UserId userId, OrganizationId organizationId, String provider, String subject,
            String sessionId, Instant at) {
        var revoked = new int[1];
        stored.replaceAll((id, token) -> {
            var session = token.providerSession();
            if (token.userId().equals(userId) && token.organizationId().equals(organizationId)
                    && token.revokedAt() == null && session != null && session.provider().equals(provider)
                    && session.subject().equals(subject)
                    && (sessionId == null || sessionId.equals(session.sessionId()))) {
                revoked[0]++;
                return with(token, token.usedAt(), at);
            }
            return token;
        });
        return revoked[0];
    }

    private static RefreshToken with(RefreshToken token, Instant usedAt, Instant revokedAt) {
        return new RefreshToken(token.userId(), token.id(), token.organizationId(), token.familyId(),
                token.secretHash(), token.expiresAt(), usedAt, revokedAt, token.providerSession());
    }
}
