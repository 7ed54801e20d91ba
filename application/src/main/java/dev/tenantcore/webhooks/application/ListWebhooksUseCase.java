package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListWebhooksUseCase {
    Page<Webhook> list(PageRequest<WebhookId> page);
}
