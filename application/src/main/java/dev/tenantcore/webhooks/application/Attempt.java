package dev.tenantcore.webhooks.application;

import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.webhooks.domain.WebhookDelivery;
import java.time.Instant;

/**
 * The outcome of one attempt, as the delivery log keeps it.
 *
 * @param nextAttemptAt when the next attempt is due (null if none follows)
 * @param nextJob the job that makes it (null if none follows)
 */
public record Attempt(WebhookDelivery.Status status, int attempts, Integer responseStatus, int durationMillis,
        String error, Instant at, Instant nextAttemptAt, JobId nextJob) {
}
