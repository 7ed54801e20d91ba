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
        Instant expiresAt, Instant usedAt, Instant revokedAt, ProviderSession providerSession) {

    public RefreshToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(familyId, "familyId");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A refresh token as storage holds it, checked like any other. */
    public static RefreshToken reconstitute(UserId userId, UUID id, OrganizationId organizationId, UUID familyId,
            byte[] secretHash, Instant expiresAt, Instant usedAt, Instant revokedAt, ProviderSession providerSession) {
        return new RefreshToken(userId, id, organizationId, familyId, secretHash, expiresAt, usedAt, revokedAt,
                providerSession);
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** A token as stored before logins through providers were remembered with it. */
    public RefreshToken(UserId userId, UUID id, OrganizationId organizationId, UUID familyId, byte[] secretHash,
            Instant expiresAt, Instant usedAt, Instant revokedAt) {
        this(userId, id, organizationId, familyId, secretHash, expiresAt, usedAt, revokedAt, null);
    }

    /** The first token of a new login, and the value to hand out. */
    public static Issued startFamily(UserId userId, OrganizationId organizationId, Instant expiresAt) {
        return issue(userId, organizationId, UuidV7.next(), expiresAt, null);
    }

    /** The first token of a login through a provider: the family ends with {@code session.endsAt()} at the latest. */
    public static Issued startFamily(UserId userId, OrganizationId organizationId, Instant expiresAt,
            ProviderSession session) {
        return issue(userId, organizationId, UuidV7.next(), expiresAt, Objects.requireNonNull(session, "session"));
    }

    /** The token that replaces this one (never beyond the end of the provider session it came from). */
    public Issued successor(Instant expiresAt) {
        return issue(userId, organizationId, familyId, expiresAt, providerSession);
    }

    private static Issued issue(UserId userId, OrganizationId organizationId, UUID familyId, Instant expiresAt,
            ProviderSession session) {
        var value = RefreshTokenValue.generate(userId, organizationId, UuidV7.next());
        var until = session != null && session.endsAt().isBefore(expiresAt) ? session.endsAt() : expiresAt;
        return new Issued(new RefreshToken(userId, value.tokenId(), organizationId, familyId, value.secretHash(),
                until, null, null, session), value);
    }

    public boolean matches(RefreshTokenValue presented) {
        return presented.tokenId().equals(id) && presented.userId().equals(userId)
                && presented.organizationId().equals(organizationId)
                && MessageDigest.isEqual(secretHash, presented.secretHash());
    }

    public record Issued(RefreshToken token, RefreshTokenValue value) {
    }
}
