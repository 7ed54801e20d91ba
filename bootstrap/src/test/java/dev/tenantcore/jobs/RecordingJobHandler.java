package dev.tenantcore.jobs;

import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobRun;
import dev.tenantcore.jobs.application.JobStep;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test job type: each step writes one task, "job <id> step <n>", in the job's organization (its effect, which
 * the tests count), then does what the job's script says: fail, take its time, stop when cancelled. It writes its
 * effect before failing, so a retried step that left a second task behind would show.
 */
@Singleton
final class RecordingJobHandler implements JobHandler {
    static final String TYPE = "test.record";

    /**
     * @param failingAttempts the job's first attempts (over all its steps) that fail after writing their effect
     * @param otherOrganization an organization whose tasks the step looks for (row-level security must hide them)
     * @param stallFirstAttempt the first attempt, after writing its effect, waits until its thread is interrupted
     */
    record Script(int steps, int failingAttempts, Duration stepTime, OrganizationId otherOrganization,
            boolean stallFirstAttempt) {
        Script(int steps, int failingAttempts, Duration stepTime, OrganizationId otherOrganization) {
            this(steps, failingAttempts, stepTime, otherOrganization, false);
        }

        static Script of(int steps) {
            return new Script(steps, 0, Duration.ZERO, null);
        }
    }

    /** What a step saw from inside its transaction. */
    record Observation(String tenantSetting, long otherOrganizationsTasks, String actorType, Object handler) {
    }

    static final Map<JobId, Script> SCRIPTS = new ConcurrentHashMap<>();
    static final Map<JobId, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    static final Map<JobId, List<Observation>> OBSERVATIONS = new ConcurrentHashMap<>();

    private final JdbcOperations jdbc;

    RecordingJobHandler(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobStep step(JobRun run) {
        var script = SCRIPTS.get(run.jobId());
        if (script == null) {
            return JobStep.FINISHED; // queued by another test class's run of the suite
        }
        jdbc.prepareStatement("INSERT INTO tasks (organization_id, title) VALUES (?, ?)", statement -> {
            statement.setObject(1, run.organizationId().value());
            statement.setString(2, "job " + run.jobId() + " step " + run.step());
            return statement.executeUpdate();
        });
        OBSERVATIONS.computeIfAbsent(run.jobId(), id -> new CopyOnWriteArrayList<>()).add(observe(script));
        var attempt = ATTEMPTS.computeIfAbsent(run.jobId(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= script.failingAttempts()) {
            throw new IllegalStateException("transient failure, attempt " + attempt);
        }
        if (attempt == 1 && script.stallFirstAttempt()) {
            sleep(Duration.ofMinutes(10)); // until the worker's shutdown interrupts it
        }
        var until = System.nanoTime() + script.stepTime().toNanos();
        while (System.nanoTime() < until) {
            if (run.cancelled()) {
                return JobStep.FINISHED;
            }
            sleep(Duration.ofMillis(10));
        }
        return run.step() + 1 >= script.steps() ? JobStep.FINISHED : JobStep.CONTINUES;
    }

    private Observation observe(Script script) {
        return jdbc.prepareStatement("""
                SELECT current_setting('app.organization_id', true), current_setting('app.actor_type', true),
                       (SELECT count(*) FROM tasks WHERE organization_id = ?)""", statement -> {
            statement.setObject(1, script.otherOrganization() == null ? null : script.otherOrganization().value());
            try (var row = statement.executeQuery()) {
                row.next();
                return new Observation(row.getString(1), row.getLong(3), row.getString(2), this);
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
