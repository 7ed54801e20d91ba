package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.webhooks.application.WebhookWithSecret;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint with its new signing secret: the only answer that shows the secret. */
@Serdeable
@Schema(name = "WebhookWithSecret")
public record WebhookWithSecretResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "https://hooks.example.com/tenantcore") String url,
        List<String> eventTypes,
        boolean enabled,
        @Nullable @Schema(example = "2026-11-25T09:30:00Z") Instant disabledAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt,
        @Schema(description = "The signing secret (Standard Webhooks): shown only in this answer",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static WebhookWithSecretResponse of(WebhookWithSecret created) {
        var webhook = created.webhook();
        return new WebhookWithSecretResponse(webhook.id().value(), webhook.url(), webhook.eventTypes(),
                webhook.enabled(), webhook.disabledAt(), webhook.createdAt(), webhook.updatedAt(), created.secret());
    }

    @Override
    public String toString() {
        return "WebhookWithSecretResponse[" + id + "]";
    }
}
