package dev.tenantcore.jobs.adapter.persistence;

import dev.tenantcore.jobs.application.Job;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UuidV7;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

@Singleton
final class JdbcJobQueue implements JobQueue {
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

    private final TenantTransactions transactions;
    private final JobRows rows;

    JdbcJobQueue(TenantTransactions transactions, JobRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    @Override
    public JobId enqueue(OrganizationId organizationId, String type, Instant runAt) {
        Objects.requireNonNull(runAt, "runAt");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("job type must match " + TYPE + ": " + type);
        }
        var jobId = new JobId(UuidV7.next());
        transactions.write(organizationId, () -> {
            rows.insert(organizationId, jobId, type, runAt);
            return null;
        });
        return jobId;
    }

    @Override
    public boolean cancel(OrganizationId organizationId, JobId jobId) {
        return transactions.write(organizationId, () -> rows.cancel(organizationId, jobId));
    }

    @Override
    public Optional<Job> find(OrganizationId organizationId, JobId jobId) {
        return transactions.readLatest(organizationId, () -> rows.find(organizationId, jobId));
    }
}
