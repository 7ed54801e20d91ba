package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The refresh token as the client holds it: {@code tcr_} and the base64url of user id, organization id, token id
 * and 256 random bits. The ids say where to look (the user's own rows, in the organization the token is for), so
 * the lookup needs no path across users; the random part proves possession and is stored only as its SHA-256
 * (256 random bits need no slow hash).
 */
public final class RefreshTokenValue {
    private static final String PREFIX = "tcr_";
    private static final int SECRET_BYTES = 32;
    private static final int RAW_BYTES = 16 * 3 + SECRET_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserId userId;
    private final OrganizationId organizationId;
    private final UUID tokenId;
    private final byte[] secret;

    private RefreshTokenValue(UserId userId, OrganizationId organizationId, UUID tokenId, byte[] secret) {
        this.userId = Objects.requireNonNull(userId);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.tokenId = Objects.requireNonNull(tokenId);
        this.secret = secret.clone();
    }

    static RefreshTokenValue generate(UserId userId, OrganizationId organizationId, UUID tokenId) {
        var secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new RefreshTokenValue(userId, organizationId, tokenId, secret);
    }

    /** Empty for anything that is not shaped like a refresh token. */
    public static Optional<RefreshTokenValue> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(presented.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != RAW_BYTES) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(raw);
        var user = new UUID(buffer.getLong(), buffer.getLong());
        var organization = new UUID(buffer.getLong(), buffer.getLong());
        var token = new UUID(buffer.getLong(), buffer.getLong());
        var secret = Arrays.copyOfRange(raw, 48, RAW_BYTES);
        return Optional.of(new RefreshTokenValue(new UserId(user), new OrganizationId(organization), token, secret));
    }

    public UserId userId() {
        return userId;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public UUID tokenId() {
        return tokenId;
    }

    public byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The value to hand to the client, once. */
    public String reveal() {
        var buffer = ByteBuffer.allocate(RAW_BYTES);
        putUuid(buffer, userId.value());
        putUuid(buffer, organizationId.value());
        putUuid(buffer, tokenId);
        buffer.put(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static void putUuid(ByteBuffer buffer, UUID uuid) {
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return "RefreshTokenValue[" + userId + ", " + organizationId + ", " + tokenId + ", ***]";
    }
}
