package dev.tenantcore.jobs.adapter.persistence;

import dev.tenantcore.jobs.application.Job;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements on the jobs' two tables. Every method runs inside the organization's tenant transaction (the
 * caller's): the jobs rows are the organization's own, and the queue entry commits with the job it announces.
 */
@Singleton
final class JobRows {
    /** Room for the message of a failure, as the jobs table's CHECK allows it. */
    private static final int ERROR_MAX_LENGTH = 1000;

    private final JdbcOperations jdbc;

    JobRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's row and its queue entry, which names only the organization and the job. */
    void insert(OrganizationId organizationId, JobId jobId, String type, Instant runAt) {
        update("INSERT INTO jobs (organization_id, id, type) VALUES (?, ?, ?)", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, jobId.value());
            statement.setString(3, type);
        });
        // What db-scheduler's scheduleIfNotExists writes, here in the tenant's transaction so that a job row never
        // exists without its queue entry or the other way round.
        update("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES (?, ?, ?, false, 1) ON CONFLICT DO NOTHING""", statement -> {
            statement.setString(1, type);
            statement.setString(2, QueueEntry.instanceOf(organizationId, jobId));
            statement.setTimestamp(3, Timestamp.from(runAt));
        });
    }

    boolean cancel(OrganizationId organizationId, JobId jobId) {
        return update("""
                UPDATE jobs SET status = 'cancelled', finished_at = now()
                WHERE organization_id = ? AND id = ? AND status IN ('queued', 'running')""",
                statement -> bind(statement, organizationId, jobId)) == 1;
    }

    Optional<Job> find(OrganizationId organizationId, JobId jobId) {
        return jdbc.prepareStatement("""
                SELECT id, type, status, steps, failures, last_error FROM jobs
                WHERE organization_id = ? AND id = ?""", statement -> {
            bind(statement, organizationId, jobId);
            try (var row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.<Job>empty();
            }
        });
    }

    /**
     * Marks the job running and returns the steps it has committed, or empty if it is not to run: finished,
     * cancelled, or gone with its organization.
     */
    Optional<Integer> begin(OrganizationId organizationId, JobId jobId) {
        return jdbc.prepareStatement("""
                UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now())
                WHERE organization_id = ? AND id = ? AND status IN ('queued', 'running') RETURNING steps""",
                statement -> {
                    bind(statement, organizationId, jobId);
                    try (var row = statement.executeQuery()) {
                        return row.next() ? Optional.of(row.getInt(1)) : Optional.<Integer>empty();
                    }
                });
    }

    boolean cancelled(OrganizationId organizationId, JobId jobId) {
        return find(organizationId, jobId).map(job -> job.status() == JobStatus.CANCELLED).orElse(true);
    }

    /** Counts the step, in the step's transaction; the job succeeds with its last one. False if it was cancelled. */
    boolean stepCommitted(OrganizationId organizationId, JobId jobId, boolean last) {
        return update("""
                UPDATE jobs SET steps = steps + 1, last_error = NULL,
                    status = CASE WHEN ? THEN 'succeeded' ELSE status END,
                    finished_at = CASE WHEN ? THEN now() END
                WHERE organization_id = ? AND id = ? AND status = 'running'""", statement -> {
            statement.setBoolean(1, last);
            statement.setBoolean(2, last);
            statement.setObject(3, organizationId.value());
            statement.setObject(4, jobId.value());
        }) == 1;
    }

    /** Records a failed attempt; {@code last}: no attempt follows, the job has failed. */
    void failed(OrganizationId organizationId, JobId jobId, String error, boolean last) {
        update("""
                UPDATE jobs SET failures = failures + 1, last_error = ?,
                    status = CASE WHEN ? THEN 'failed' ELSE status END,
                    finished_at = CASE WHEN ? THEN now() END
                WHERE organization_id = ? AND id = ? AND status IN ('queued', 'running')""", statement -> {
            statement.setString(1, error.length() > ERROR_MAX_LENGTH ? error.substring(0, ERROR_MAX_LENGTH) : error);
            statement.setBoolean(2, last);
            statement.setBoolean(3, last);
            statement.setObject(4, organizationId.value());
            statement.setObject(5, jobId.value());
        });
    }

    private static Job job(ResultSet row) throws SQLException {
        return new Job(new JobId(row.getObject("id", UUID.class)), row.getString("type"),
                JobStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getInt("steps"),
                row.getInt("failures"), row.getString("last_error"));
    }

    private static void bind(PreparedStatement statement, OrganizationId organizationId, JobId jobId)
            throws SQLException {
        statement.setObject(1, organizationId.value());
        statement.setObject(2, jobId.value());
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }
}
