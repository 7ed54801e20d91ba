package dev.tenantcore.webhooks.application;

/** Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}. */
public interface WebhookSigner {
    String sign(byte[] key, String messageId, long timestamp, String body);
}
