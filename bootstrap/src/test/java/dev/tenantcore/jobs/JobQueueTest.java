package dev.tenantcore.jobs;

import static dev.tenantcore.jobs.JobTesting.await;
import static dev.tenantcore.jobs.JobTesting.effects;
import static dev.tenantcore.jobs.JobTesting.job;
import static dev.tenantcore.jobs.JobTesting.queueEntries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.jobs.RecordingJobHandler.Script;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The job queue in one service process with a single worker thread, on the real database as the runtime role:
 * the worker's one thread is what makes the fairness case mean something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobQueueTest {
    private ApplicationContext service;
    private JobQueue queue;
    private OrganizationId a;
    private OrganizationId b;

    @BeforeAll
    void start() {
        service = JobTesting.service(1, Map.of());
        queue = service.getBean(JobQueue.class);
        a = JobTesting.organization(service);
        b = JobTesting.organization(service);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aJobRunsOnceInItsOrganizationsTransactionAsTheSystem() {
        var other = enqueue(b, Script.of(1)); // b's own tasks, for a's job not to see
        awaitStatus(b, other, JobStatus.SUCCEEDED);
        var jobId = enqueue(a, new Script(3, 0, Duration.ZERO, b));
        awaitStatus(a, jobId, JobStatus.SUCCEEDED);

        assertThat(job(service, a, jobId).steps()).isEqualTo(3);
        assertThat(effects(jobId)).isEqualTo(3);
        assertThat(RecordingJobHandler.OBSERVATIONS.get(jobId)).hasSize(3).allSatisfy(seen -> {
            assertThat(seen.tenantSetting()).isEqualTo(a.value().toString());
            assertThat(seen.otherOrganizationsTasks()).as("b's tasks, under a's row-level security").isZero();
            assertThat(seen.actorType()).isEqualTo("system");
        });
        assertThat(queueEntries(jobId)).as("a finished job leaves the queue").isZero();
        assertThat(queue.find(b, jobId)).as("another organization does not see the job").isEmpty();
    }

    @Test
    void aFailingStepIsRetriedWithBackOffAndItsEffectsAreNotDoubled() {
        var jobId = enqueue(a, new Script(2, 2, Duration.ZERO, null));
        awaitStatus(a, jobId, JobStatus.SUCCEEDED);

        var job = job(service, a, jobId);
        assertThat(job.failures()).isEqualTo(2);
        assertThat(job.lastError()).isNull();
        assertThat(RecordingJobHandler.ATTEMPTS.get(jobId).get()).isEqualTo(4);
        assertThat(effects(jobId)).as("the failed attempts' writes were rolled back").isEqualTo(2);
    }

    @Test
    void aJobThatKeepsFailingIsMarkedFailedAfterMaxAttempts() {
        var jobId = enqueue(a, new Script(1, 100, Duration.ZERO, null));
        awaitStatus(a, jobId, JobStatus.FAILED);

        var job = job(service, a, jobId);
        assertThat(job.failures()).isEqualTo(4);
        assertThat(job.lastError()).contains("transient failure, attempt 4");
        assertThat(effects(jobId)).isZero();
        await("the failed job's queue entry to go", () -> queueEntries(jobId) == 0);
    }

    @Test
    void aCancelledJobStopsAtItsNextCheckpoint() {
        var jobId = enqueue(a, new Script(1000, 0, Duration.ofMillis(50), null));
        await("the job to be under way", () -> job(service, a, jobId).steps() >= 2);

        assertThat(queue.cancel(a, jobId)).isTrue();
        await("the cancelled job's queue entry to go", () -> queueEntries(jobId) == 0);
        var job = job(service, a, jobId);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.steps()).isLessThan(1000);
        assertThat(queue.cancel(a, jobId)).as("a finished job cannot be cancelled").isFalse();
    }

    @Test
    void aLongJobOfOneOrganizationDoesNotHoldUpAnothersShortOne() {
        var longJob = enqueue(a, new Script(60, 0, Duration.ofMillis(50), null));
        await("the long job to be under way", () -> job(service, a, longJob).steps() >= 1);

        var shortJob = enqueue(b, Script.of(1));
        awaitStatus(b, shortJob, JobStatus.SUCCEEDED);
        var longState = job(service, a, longJob);
        assertThat(longState.status()).as("the short job finished between the long job's steps, on the one thread")
                .isEqualTo(JobStatus.RUNNING);
        assertThat(longState.steps()).isLessThan(60);
        queue.cancel(a, longJob);
    }

    @Test
    void aStepWhoseProcessDiedIsTakenUpAgainAndFinishes() {
        // What a process killed during a step leaves: its transaction rolled back by the server, its entry claimed
        // by it and no longer heartbeated.
        var jobId = enqueue(a, Script.of(3), Instant.now().plus(Duration.ofHours(1)));
        JobTesting.execute("UPDATE scheduled_tasks SET picked = true, picked_by = 'killed/1/process',"
                + " last_heartbeat = now() - interval '1 hour', execution_time = now() - interval '1 hour'"
                + " WHERE task_instance = '" + a.value() + "/" + jobId + "'");

        awaitStatus(a, jobId, JobStatus.SUCCEEDED);
        assertThat(effects(jobId)).isEqualTo(3);
    }

    @Test
    void theMetricsShowTheQueuesDepthAndTheOldestPendingJobsAge() {
        // A type no process handles stays pending: what a backlog looks like.
        var jobId = queue.enqueue(a, "test.unhandled", Instant.now().minus(Duration.ofMinutes(10)));
        var registry = service.getBean(MeterRegistry.class);
        await("the figures to include the pending job", () ->
                registry.get("tenantcore.jobs.pending").gauge().value() >= 1);
        assertThat(registry.get("tenantcore.jobs.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(600);
        JobTesting.execute("DELETE FROM scheduled_tasks WHERE task_instance LIKE '%/" + jobId + "'");
    }

    private JobId enqueue(OrganizationId organizationId, Script script) {
        return enqueue(organizationId, script, Instant.now());
    }

    /** Queued for later, scripted, then made due: the worker cannot see it before its script is there. */
    private JobId enqueue(OrganizationId organizationId, Script script, Instant runAt) {
        var jobId = queue.enqueue(organizationId, RecordingJobHandler.TYPE, Instant.now().plus(Duration.ofDays(1)));
        RecordingJobHandler.SCRIPTS.put(jobId, script);
        JobTesting.execute("UPDATE scheduled_tasks SET execution_time = '" + runAt + "'"
                + " WHERE task_instance LIKE '%/" + jobId + "'");
        return jobId;
    }

    private void awaitStatus(OrganizationId organizationId, JobId jobId, JobStatus status) {
        await("job " + jobId + " to be " + status, () -> job(service, organizationId, jobId).status() == status);
    }
}
