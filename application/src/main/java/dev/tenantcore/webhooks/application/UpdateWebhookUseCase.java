package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.Webhook;

public interface UpdateWebhookUseCase {
    Webhook update(UpdateWebhookCommand command);
}
