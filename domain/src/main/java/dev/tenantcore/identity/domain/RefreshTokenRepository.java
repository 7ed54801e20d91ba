package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A user's refresh tokens; every method runs in a transaction whose user is {@code userId}. */
public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    Optional<RefreshToken> findById(UserId userId, UUID id);

    /** Marks the token used, unless it already was (a concurrent use): false then. */
    boolean markUsed(UserId userId, UUID id, Instant at);

    /** Revokes every token of the family that is not yet revoked. */
    void revokeFamily(UserId userId, UUID familyId, Instant at);

    /** Revokes every token of the user, in every organization (a password change). */
    void revokeAll(UserId userId, Instant at);
}
