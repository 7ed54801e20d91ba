package dev.tenantcore.webhooks.adapter.persistence;

import dev.tenantcore.webhooks.application.SecretCipher;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM from the JDK under {@code tenantcore.webhooks.encryption-key} (the base64 of 32 random bytes; `openssl
 * rand -base64 32`). Stored as a 12-byte random nonce, then ciphertext and tag; the context (the webhook's
 * organization and id) is the additional authenticated data. Without a configured key (development and tests; a
 * production start is refused before it gets here) a fixed key derived from a public string is used: secrets
 * stored so are not protected, and stay readable across restarts.
 */
@Singleton
final class AesGcmSecretCipher implements SecretCipher {
    private static final Logger LOG = LoggerFactory.getLogger(AesGcmSecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    AesGcmSecretCipher(@Nullable @Property(name = "tenantcore.webhooks.encryption-key") String configured) {
        this.key = new SecretKeySpec(keyBytes(configured), "AES");
    }

    static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            LOG.warn("tenantcore.webhooks.encryption-key is not set: webhook secrets are encrypted with a fixed "
                    + "development key (a production start refuses this)");
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest("tenantcore development webhook key".getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tenantcore.webhooks.encryption-key is not base64");
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("tenantcore.webhooks.encryption-key must be 32 bytes (256 bits), base64 "
                    + "encoded; it has " + decoded.length);
        }
        return decoded;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, String context) {
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            var sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String context) {
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(ciphertext, NONCE_BYTES), context);
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Another key (tenantcore.webhooks.encryption-key changed) or another row's ciphertext.
            throw new IllegalStateException("a webhook secret does not decrypt with the configured key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
