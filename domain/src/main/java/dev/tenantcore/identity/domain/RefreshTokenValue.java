package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.SecretToken;
import dev.tenantcore.shared.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The refresh token as the client holds it: {@code tcr_} and the base64url of user id, organization id, token id
 * and 256 random bits ({@link SecretToken}). The ids say where to look (the user's own rows, in the organization the
 * token is for), so the lookup needs no path across users; the random part proves possession.
 */
public final class RefreshTokenValue {
    private static final SecretToken FORMAT = new SecretToken("tcr_", 3);

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
        return new RefreshTokenValue(userId, organizationId, tokenId, SecretToken.newSecret());
    }

    /** Empty for anything that is not shaped like a refresh token. */
    public static Optional<RefreshTokenValue> parse(String presented) {
        return FORMAT.parse(presented).map(parts -> new RefreshTokenValue(new UserId(parts.ids().get(0)),
                new OrganizationId(parts.ids().get(1)), parts.ids().get(2), parts.secret()));
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

    /** What is stored: the SHA-256 of the random part. */
    public byte[] secretHash() {
        return SecretToken.hash(secret);
    }

    /** The value to hand to the client, once. */
    public String reveal() {
        return FORMAT.encode(List.of(userId.value(), organizationId.value(), tokenId), secret);
    }

    @Override
    public String toString() {
        return "RefreshTokenValue[" + userId + ", " + organizationId + ", " + tokenId + ", ***]";
    }
}
