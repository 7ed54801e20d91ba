package dev.tenantcore.jobs.application;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One step of a job, as its handler sees it.
 *
 * @param step the number of steps committed before this one: where to resume
 */
public record JobRun(OrganizationId organizationId, JobId jobId, int step, BooleanSupplier cancellation) {
    public JobRun {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * A checkpoint: whether the job has been cancelled since the step began. A handler asks between units of work
     * and, if so, returns {@link JobStep#FINISHED} (the job stays cancelled); the step's work up to there commits.
     */
    public boolean cancelled() {
        return cancellation.getAsBoolean();
    }
}
