package dev.tenantcore.webhooks.application;

public interface CreateWebhookUseCase {
    /** The new endpoint and its signing secret, which is shown this once. */
    WebhookWithSecret create(CreateWebhookCommand command);
}
