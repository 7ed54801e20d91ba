package dev.tenantcore.webhooks.application;

import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.webhooks.domain.WebhookDelivery;
import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookId;

public interface ListWebhookDeliveriesUseCase {
    Page<WebhookDelivery> deliveries(WebhookId webhookId, PageRequest<WebhookDeliveryId> page);
}
