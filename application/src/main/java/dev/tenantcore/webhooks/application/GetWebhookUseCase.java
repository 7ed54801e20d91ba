package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookId;

public interface GetWebhookUseCase {
    Webhook get(WebhookId id);
}
