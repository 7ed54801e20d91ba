package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
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

    /**
     * Revokes the user's tokens in the organization that came from logins through this provider as this subject,
     * and only those of one provider session when {@code sessionId} is not null; answers how many were revoked.
     */
    int revokeProviderSessions(UserId userId, OrganizationId organizationId, String provider, String subject,
            String sessionId, Instant at);
}
