package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookId;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery about to be attempted, with what it needs of its endpoint and event.
 *
 * @param body the event as every endpoint receives it
 * @param encryptedSecret the endpoint's secret, encrypted
 * @param encryptedPreviousSecret the secret before the last rotation, or null
 * @param previousSecretUntil until when the previous secret still signs, or null
 * @param attempts the attempts made before this one
 */
public record DueDelivery(WebhookDeliveryId id, WebhookId webhookId, UUID eventId, String body, String url,
        boolean endpointEnabled, byte[] encryptedSecret, byte[] encryptedPreviousSecret, Instant previousSecretUntil,
        int attempts) {

    @Override
    public String toString() {
        return "DueDelivery[" + id + " of webhook " + webhookId + "]";
    }
}
