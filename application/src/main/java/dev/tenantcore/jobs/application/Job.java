package dev.tenantcore.jobs.application;

import java.util.Objects;

/**
 * A job's state, kept under its organization's row-level security.
 *
 * @param steps the steps committed so far
 * @param failures the failed attempts so far (each retried after a growing delay)
 * @param lastError the last failure's message, or null
 */
public record Job(JobId id, String type, JobStatus status, int steps, int failures, String lastError) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }
}
