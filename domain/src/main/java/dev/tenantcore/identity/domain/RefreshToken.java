package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.shared.domain.UuidV7;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token: only the hash of its secret is kept. Tokens of one login form a family; each use
 * replaces the token with the next of the family, and a token presented a second time means it leaked, so the
 * whole family is revoked.
 */
public record RefreshToken(UserId userId, UUID id, OrganizationId organizationId, UUID familyId, byte[] secretHash,
        Instant expiresAt, Instant usedAt, Instant revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(familyId, "familyId");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** The first token of a new login, and the value to hand out. */
    public static Issued startFamily(UserId userId, OrganizationId organizationId, Instant expiresAt) {
        return issue(userId, organizationId, UuidV7.next(), expiresAt);
    }

    /** The token that replaces this one. */
    public Issued successor(Instant expiresAt) {
        return issue(userId, organizationId, familyId, expiresAt);
    }

    private static Issued issue(UserId userId, OrganizationId organizationId, UUID familyId, Instant expiresAt) {
        var value = RefreshTokenValue.generate(userId, organizationId, UuidV7.next());
        return new Issued(new RefreshToken(userId, value.tokenId(), organizationId, familyId, value.secretHash(),
                expiresAt, null, null), value);
    }

    public boolean matches(RefreshTokenValue presented) {
        return presented.tokenId().equals(id) && presented.userId().equals(userId)
                && presented.organizationId().equals(organizationId)
                && MessageDigest.isEqual(secretHash, presented.secretHash());
    }

    public record Issued(RefreshToken token, RefreshTokenValue value) {
    }
}
