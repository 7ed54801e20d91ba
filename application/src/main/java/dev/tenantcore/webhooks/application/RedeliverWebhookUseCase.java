package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookId;

public interface RedeliverWebhookUseCase {
    /** Queues the delivery's event again for its endpoint; the new delivery's id. */
    WebhookDeliveryId redeliver(WebhookId webhookId, WebhookDeliveryId deliveryId);
}
