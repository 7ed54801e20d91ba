package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens in memory: enough to see that a login issued one. */
final class InMemoryRefreshTokens implements RefreshTokenRepository {
    private final List<RefreshToken> tokens = new ArrayList<>();

    List<RefreshToken> all() {
        return List.copyOf(tokens);
    }

    @Override
    public void insert(RefreshToken token) {
        tokens.add(token);
    }

    @Override
    public Optional<RefreshToken> findById(UserId userId, UUID id) {
        return tokens.stream().filter(token -> token.userId().equals(userId) && token.id().equals(id)).findFirst();
    }

    @Override
    public boolean markUsed(UserId userId, UUID id, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void revokeFamily(UserId userId, UUID familyId, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
