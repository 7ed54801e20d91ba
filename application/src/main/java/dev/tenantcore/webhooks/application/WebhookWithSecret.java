package dev.tenantcore.webhooks.application;

import dev.tenantcore.webhooks.domain.Webhook;
import java.util.Objects;

/** An endpoint with its new signing secret ({@code whsec_} and base64), for the one answer that shows it. */
public record WebhookWithSecret(Webhook webhook, String secret) {
    public WebhookWithSecret {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "WebhookWithSecret[" + webhook.id() + "]";
    }
}
