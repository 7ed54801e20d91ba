package dev.tenantcore.webhooks.application;

import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobRun;
import dev.tenantcore.jobs.application.JobStep;
import dev.tenantcore.webhooks.domain.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One attempt of one delivery, as a job of the shared queue. A failed attempt is not a failed job: the delivery
 * keeps its own schedule (about 27 hours, {@link #RETRY_DELAYS}), far longer than the queue's retries of a
 * failing step, by queuing a new job for the next attempt in the same transaction as the attempt's record. The
 * request is made inside the job's transaction: a process that dies after the receiver answered but before the
 * commit makes the attempt again, with the same {@code webhook-id} (at least once).
 *
 * <p>Made a bean by the web adapter (WebhookDeliveryWiring), beside the sender and signer it needs: a process
 * without them (the persistence adapter's own tests) has no such handler rather than a worker that cannot start.
 */
public final class DeliverWebhookJob implements JobHandler {
    static final String TYPE = DueDeliveries.JOB_TYPE;
    /** The delay before each retry: Standard Webhooks' suggested schedule; 8 attempts over about 27 hours. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    static final Duration DISABLE_AFTER = Duration.ofDays(5);
    private static final int ERROR_MAX_LENGTH = 500;

    private final DueDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookSigner signer;
    private final SecretCipher cipher;
    private final JobQueue jobs;
    private final Clock clock;

    public DeliverWebhookJob(DueDeliveries deliveries, WebhookSender sender, WebhookSigner signer, SecretCipher cipher,
            JobQueue jobs, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.signer = signer;
        this.cipher = cipher;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobStep step(JobRun run) {
        var organizationId = run.organizationId();
        var found = deliveries.findByJob(organizationId, run.jobId());
        if (found.isEmpty()) {
            return JobStep.FINISHED; // redelivered, or its endpoint deleted
        }
        var due = found.get();
        var now = clock.instant();
        var attempt = due.attempts() + 1;
        if (!due.endpointEnabled()) {
            deliveries.recordAttempt(organizationId, due.id(), new Attempt(WebhookDelivery.Status.FAILED,
                    due.attempts(), null, 0, "the endpoint is disabled", now, null, null));
            return JobStep.FINISHED;
        }
        var context = WebhookSecrets.context(organizationId, due.webhookId());
        var messageId = due.eventId().toString();
        var timestamp = now.getEpochSecond();
        var signature = signer.sign(cipher.decrypt(due.encryptedSecret(), context), messageId,
                timestamp, due.body());
        if (due.encryptedPreviousSecret() != null && due.previousSecretUntil().isAfter(now)) {
            signature += " " + signer.sign(cipher.decrypt(due.encryptedPreviousSecret(), context),
                    messageId, timestamp, due.body());
        }
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        var outcome = sender.send(due.url(), headers, due.body());
        if (outcome.succeeded()) {
            deliveries.recordAttempt(organizationId, due.id(), new Attempt(WebhookDelivery.Status.DELIVERED, attempt,
                    outcome.status(), outcome.durationMillis(), null, now, null, null));
            deliveries.endpointSucceeded(organizationId, due.webhookId());
            return JobStep.FINISHED;
        }
        var error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
        if (error.length() > ERROR_MAX_LENGTH) {
            error = error.substring(0, ERROR_MAX_LENGTH);
        }
        if (attempt <= RETRY_DELAYS.size()) {
            var next = now.plus(RETRY_DELAYS.get(attempt - 1));
            var nextJob = jobs.enqueue(organizationId, TYPE, next);
            deliveries.recordAttempt(organizationId, due.id(), new Attempt(WebhookDelivery.Status.PENDING, attempt,
                    outcome.status(), outcome.durationMillis(), error, now, next, nextJob));
        } else {
            deliveries.recordAttempt(organizationId, due.id(), new Attempt(WebhookDelivery.Status.FAILED, attempt,
                    outcome.status(), outcome.durationMillis(), error, now, null, null));
        }
        deliveries.endpointFailed(organizationId, due.webhookId(), now, DISABLE_AFTER);
        return JobStep.FINISHED;
    }
}
