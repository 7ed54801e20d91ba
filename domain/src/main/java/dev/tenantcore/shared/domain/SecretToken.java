package dev.tenantcore.shared.domain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The shape of the tokens that say where they are stored (invitations, refresh tokens): a prefix, then the
 * base64url (unpadded) of some ids and 256 random bits. The ids find the row without a lookup across tenants or
 * users; the random part proves possession and is stored only as its SHA-256 (256 random bits need no slow hash).
 *
 * @param prefix what the token starts with, e.g. {@code tci_}
 * @param idCount how many ids precede the random part
 */
public record SecretToken(String prefix, int idCount) {
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A presented token taken apart. */
    public record Parts(List<UUID> ids, byte[] secret) {
    }

    public SecretToken {
        Objects.requireNonNull(prefix, "prefix");
        if (idCount < 0) {
            throw new IllegalArgumentException("idCount must not be negative");
        }
    }

    public static byte[] newSecret() {
        var secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** What is stored: the SHA-256 of the random part. */
    public static byte[] hash(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public String encode(List<UUID> ids, byte[] secret) {
        if (ids.size() != idCount || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("expected " + idCount + " ids and " + SECRET_BYTES + " random bytes");
        }
        var buffer = ByteBuffer.allocate(rawBytes());
        ids.forEach(id -> buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        buffer.put(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** Empty for anything not shaped like such a token: nothing needs to be looked up then. */
    public Optional<Parts> parse(String presented) {
        var encodedLength = (rawBytes() * 4 + 2) / 3;
        if (presented == null || presented.length() != prefix.length() + encodedLength
                || !presented.startsWith(prefix)
                || !Pattern.matches("[A-Za-z0-9_-]*", presented.substring(prefix.length()))) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(presented.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != rawBytes()) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(raw);
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < idCount; i++) {
            ids.add(new UUID(buffer.getLong(), buffer.getLong()));
        }
        return Optional.of(new Parts(List.copyOf(ids), Arrays.copyOfRange(raw, idCount * 16, rawBytes())));
    }

    private int rawBytes() {
        return idCount * 16 + SECRET_BYTES;
    }
}
