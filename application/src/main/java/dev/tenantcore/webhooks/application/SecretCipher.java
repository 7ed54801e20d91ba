package dev.tenantcore.webhooks.application;

/**
 * Encryption of secrets at rest. {@code context} is bound to the ciphertext (authenticated, not encrypted): a
 * ciphertext copied to another row does not decrypt there.
 */
public interface SecretCipher {
    byte[] encrypt(byte[] plaintext, String context);

    byte[] decrypt(byte[] ciphertext, String context);
}
