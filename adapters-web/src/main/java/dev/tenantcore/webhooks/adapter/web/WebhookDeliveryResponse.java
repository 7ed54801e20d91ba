package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.webhooks.domain.WebhookDelivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One line of an endpoint's delivery log. */
@Serdeable
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(description = "The event's id, sent as webhook-id", example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a59")
        UUID eventId,
        @Schema(example = "task.created") String eventType,
        @Schema(allowableValues = {"pending", "delivered", "failed"}, example = "delivered") String status,
        @Schema(description = "Attempts made so far", example = "1") int attempts,
        @Nullable @Schema(description = "The last attempt's HTTP status", example = "204") Integer responseStatus,
        @Nullable @Schema(description = "How long the last attempt took", example = "42") Integer durationMillis,
        @Nullable @Schema(example = "HTTP 503") String lastError,
        @Nullable @Schema(example = "2026-11-20T09:30:01Z") Instant lastAttemptAt,
        @Nullable @Schema(example = "2026-11-20T09:30:06Z") Instant nextAttemptAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt) {

    static WebhookDeliveryResponse of(WebhookDelivery delivery) {
        return new WebhookDeliveryResponse(delivery.id().value(), delivery.eventId(), delivery.eventType(),
                delivery.status().name().toLowerCase(Locale.ROOT), delivery.attempts(), delivery.responseStatus(),
                delivery.durationMillis(), delivery.lastError(), delivery.lastAttemptAt(), delivery.nextAttemptAt(),
                delivery.createdAt());
    }
}
