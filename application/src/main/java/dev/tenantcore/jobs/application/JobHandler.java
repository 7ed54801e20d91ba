package dev.tenantcore.jobs.application;

/**
 * The work of one job type, implemented by the context that owns it and registered as a bean; the worker finds it
 * by {@link #type()}, the name given to {@link JobQueue#enqueue}.
 *
 * <p>Each call of {@link #step} runs inside the job's organization's write transaction, as the system caller (the
 * audit log records "system"): row-level security shows it only that organization's rows, and its writes commit
 * together with the job's step count, or not at all. A process that dies during a step therefore leaves nothing of
 * it; the step runs again elsewhere. A step should be a bounded chunk (say a few thousand rows) and return
 * {@link JobStep#CONTINUES} while there is more. An exception rolls the step back and retries it later, after a
 * delay that doubles with each failure, up to {@code tenantcore.jobs.max-attempts}; then the job is failed.
 */
public interface JobHandler {

    /** Lower case letters, digits, '.', '_' and '-', at most 63 characters, e.g. {@code contacts.import}. */
    String type();

    JobStep step(JobRun run);
}
