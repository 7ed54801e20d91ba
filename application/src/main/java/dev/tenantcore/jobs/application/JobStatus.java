package dev.tenantcore.jobs.application;

/** Where a job is, as its organization sees it. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** A job in this status will not run again. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
