package dev.tenantcore.webhooks.application;

import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the delivery job reads and records. Every method runs inside the job's tenant transaction. */
public interface DueDeliveries {
    /** The job type of one attempt of one delivery. */
    String JOB_TYPE = "webhooks.deliver";

    /** The pending delivery that {@code jobId} is to attempt, with its endpoint; empty if there is none. */
    Optional<DueDelivery> findByJob(OrganizationId organizationId, JobId jobId);

    void recordAttempt(OrganizationId organizationId, WebhookDeliveryId deliveryId, Attempt attempt);

    /** The endpoint answered: it is no longer failing. */
    void endpointSucceeded(OrganizationId organizationId, WebhookId webhookId);

    /**
     * The endpoint failed at {@code now}; if every attempt since {@code disableAfter} before has failed, it is
     * disabled (the audit log records it). True if this disabled it.
     */
    boolean endpointFailed(OrganizationId organizationId, WebhookId webhookId, Instant now, Duration disableAfter);
}
