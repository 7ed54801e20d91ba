package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.webhooks.domain.Webhook;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint; never its secret. */
@Serdeable
@Schema(name = "Webhook")
public record WebhookResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "https://hooks.example.com/tenantcore") String url,
        List<String> eventTypes,
        boolean enabled,
        @Nullable @Schema(description = "When the service disabled it after five days of failed deliveries",
                example = "2026-11-25T09:30:00Z") Instant disabledAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {

    static WebhookResponse of(Webhook webhook) {
        return new WebhookResponse(webhook.id().value(), webhook.url(), webhook.eventTypes(), webhook.enabled(),
                webhook.disabledAt(), webhook.createdAt(), webhook.updatedAt());
    }
}
