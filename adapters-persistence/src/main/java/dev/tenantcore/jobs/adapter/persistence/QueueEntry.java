package dev.tenantcore.jobs.adapter.persistence;

import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.UUID;

/** A queue entry's instance id, {@code <organization id>/<job id>}: all the global queue knows of a job. */
record QueueEntry(OrganizationId organizationId, JobId jobId) {

    static String instanceOf(OrganizationId organizationId, JobId jobId) {
        return organizationId.value() + "/" + jobId.value();
    }

    static QueueEntry parse(String instance) {
        var slash = instance.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not <organization id>/<job id>: " + instance);
        }
        return new QueueEntry(new OrganizationId(UUID.fromString(instance.substring(0, slash))),
                new JobId(UUID.fromString(instance.substring(slash + 1))));
    }
}
