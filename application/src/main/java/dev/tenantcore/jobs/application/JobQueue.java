package dev.tenantcore.jobs.application;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * The shared background job queue. The queue itself holds only the organization's id and the job's; the job's
 * state is the organization's own row. Each method joins the caller's tenant transaction if there is one, so a
 * use case can create its job with the rows it describes (an import and its file) in one commit.
 */
public interface JobQueue {

    /** Queues a job of {@code type} to run as soon as a worker is free. */
    default JobId enqueue(OrganizationId organizationId, String type) {
        return enqueue(organizationId, type, Instant.now());
    }

    /** Queues a job of {@code type} to run at {@code runAt} or as soon after as a worker is free. */
    JobId enqueue(OrganizationId organizationId, String type, Instant runAt);

    /**
     * Marks the job cancelled: it does not start if it has not, and its handler stops at its next checkpoint if it
     * has. False if the job was already finished (or is not the organization's).
     */
    boolean cancel(OrganizationId organizationId, JobId jobId);

    Optional<Job> find(OrganizationId organizationId, JobId jobId);
}
