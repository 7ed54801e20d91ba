package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.WebhookId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteWebhookUseCase {
    void delete(WebhookId id, ExpectedVersion expectedVersion);
}
