package dev.tenantcore.jobs.application;

/** What a handler's step left to do. */
public enum JobStep {
    /** The job is done (or saw that it was cancelled and stopped). */
    FINISHED,
    /**
     * There is more: the next step is queued behind every job that is already due, so that a long job of one
     * organization takes turns with the short jobs of others instead of holding a worker thread to the end.
     */
    CONTINUES
}
