package dev.tenantcore.apikeys.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret a client presents: {@code tc_<prefix>_<secret>}. The prefix (12 characters of a-z0-9) is stored in
 * clear to find the key; the whole token is stored only as its SHA-256 hash. 256 random bits make a slow password
 * hash unnecessary: nobody can guess such a token, so a fast hash is enough and keeps authentication cheap.
 */
public final class ApiKeyToken {
    private static final String SCHEME = "tc_";
    private static final Pattern FORMAT = Pattern.compile("tc_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final String value;

    private ApiKeyToken(String prefix, String value) {
        this.prefix = prefix;
        this.value = value;
    }

    public static ApiKeyToken generate() {
        var prefix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKeyToken(prefix.toString(), SCHEME + prefix + "_" + encoded);
    }

    /** Parses what a client sent; empty if it cannot be one of our tokens (no lookup is needed then). */
    public static Optional<ApiKeyToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(presented);
        return matcher.matches() ? Optional.of(new ApiKeyToken(matcher.group(1), presented)) : Optional.empty();
    }

    public String prefix() {
        return prefix;
    }

    /** The token itself, to show once to the client that created it. */
    public String reveal() {
        return value;
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Constant-time comparison with a stored hash, so response timing reveals nothing about the secret. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    @Override
    public String toString() {
        return SCHEME + prefix + "_***"; // never log the secret
    }
}
