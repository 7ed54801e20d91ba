package dev.tenantcore.webhooks.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event for one endpoint, as the delivery log shows it: its state and its last attempt.
 *
 * @param responseStatus the last attempt's HTTP status, null if it got none (refused, timed out) or none was made
 * @param nextAttemptAt when the next attempt is due while pending; null otherwise
 */
public record WebhookDelivery(
        WebhookDeliveryId id,
        WebhookId webhookId,
        UUID eventId,
        String eventType,
        Status status,
        int attempts,
        Integer responseStatus,
        Integer durationMillis,
        String lastError,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant createdAt) {

    public enum Status { PENDING, DELIVERED, FAILED }

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
