package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobRun;
import dev.tenantcore.jobs.application.JobStep;
import dev.tenantcore.organizations.application.OrganizationSetup;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The scheduled purge of the contacts' trash, one job per organization on the shared queue: each run removes for
 * good the organization's contacts deleted more than the retention ago (the audit log keeps their record), inside
 * that organization's transaction, and queues the next run {@code tenantcore.contacts.purge-interval} later in the
 * same commit. Nothing lists the organizations: each has its own chain of runs, started at sign-up (migration V12
 * started those of the organizations that existed before).
 */
@Singleton
final class TrashPurge implements JobHandler, OrganizationSetup {
    static final String TYPE = "contacts.purge-trash";

    private final ContactRepository contacts;
    private final JobQueue jobs;
    private final ContactSettings settings;
    private final Clock clock;

    TrashPurge(ContactRepository contacts, JobQueue jobs, ContactSettings settings, Clock clock) {
        this.contacts = contacts;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void prepare(OrganizationId organizationId) {
        jobs.enqueue(organizationId, TYPE, clock.instant().plus(settings.purgeInterval()));
    }

    @Override
    public JobStep step(JobRun run) {
        var now = clock.instant();
        contacts.purgeDeletedBefore(run.organizationId(), now.minus(settings.trashRetention()));
        jobs.enqueue(run.organizationId(), TYPE, now.plus(settings.purgeInterval()));
        return JobStep.FINISHED;
    }
}
