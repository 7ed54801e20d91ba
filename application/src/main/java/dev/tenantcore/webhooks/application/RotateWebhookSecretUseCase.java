package dev.tenantcore.webhooks.application;

import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.webhooks.domain.WebhookId;

public interface RotateWebhookSecretUseCase {
    /**
     * A new signing secret, shown this once; deliveries are signed with the old one too for
     * {@link WebhookSecrets#OVERLAP}, so that receivers can switch without losing an event.
     */
    WebhookWithSecret rotateSecret(WebhookId id, ExpectedVersion expectedVersion);
}
