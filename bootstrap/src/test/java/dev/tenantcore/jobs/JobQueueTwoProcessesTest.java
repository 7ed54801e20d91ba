package dev.tenantcore.jobs;

import static dev.tenantcore.jobs.JobTesting.await;
import static dev.tenantcore.jobs.JobTesting.effects;
import static dev.tenantcore.jobs.JobTesting.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.jobs.RecordingJobHandler.Script;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two service processes on one database, both running workers, share the queue: every step runs exactly once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobQueueTwoProcessesTest {
    private static final int JOBS_PER_PROCESS = 20;
    private static final int STEPS = 3;

    private ApplicationContext first;
    private ApplicationContext second;
    private ApplicationContext queueOnly;

    @BeforeAll
    void start() {
        first = JobTesting.service(2, Map.of());
        second = JobTesting.service(2, Map.of());
        queueOnly = JobTesting.service(2, Map.of("tenantcore.jobs.enabled", false));
    }

    @AfterAll
    void stop() {
        for (var service : new ApplicationContext[] {first, second, queueOnly}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void twoProcessesRunEachJobsStepsExactlyOnceInTotal() {
        var organizations = new OrganizationId[] {JobTesting.organization(first), JobTesting.organization(second)};
        var jobs = new ArrayList<JobId>();
        var owners = new ArrayList<OrganizationId>();
        for (int i = 0; i < 2 * JOBS_PER_PROCESS; i++) {
            // Queued through both processes and a third that runs no worker, for two organizations.
            var through = new ApplicationContext[] {first, second, queueOnly}[i % 3];
            var organizationId = organizations[i % 2];
            var jobId = through.getBean(JobQueue.class).enqueue(organizationId, RecordingJobHandler.TYPE,
                    Instant.now().plus(Duration.ofDays(1)));
            RecordingJobHandler.SCRIPTS.put(jobId, new Script(STEPS, 0, Duration.ofMillis(20), null));
            jobs.add(jobId);
            owners.add(organizationId);
        }
        JobTesting.execute("UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance LIKE ANY (ARRAY["
                + String.join(",", jobs.stream().map(id -> "'%/" + id + "'").toList()) + "])");

        for (int i = 0; i < jobs.size(); i++) {
            var jobId = jobs.get(i);
            var organizationId = owners.get(i);
            await("job " + jobId + " to succeed", () -> job(first, organizationId, jobId).status() == JobStatus.SUCCEEDED);
        }
        var handlers = new HashSet<Object>();
        for (int i = 0; i < jobs.size(); i++) {
            var jobId = jobs.get(i);
            assertThat(job(second, owners.get(i), jobId).steps()).isEqualTo(STEPS);
            assertThat(effects(jobId)).as("job %s's effects", jobId).isEqualTo(STEPS);
            assertThat(RecordingJobHandler.OBSERVATIONS.get(jobId)).hasSize(STEPS);
            RecordingJobHandler.OBSERVATIONS.get(jobId).forEach(seen -> handlers.add(seen.handler()));
        }
        assertThat(handlers).as("both processes' workers ran steps")
                .contains(first.getBean(RecordingJobHandler.class), second.getBean(RecordingJobHandler.class));
    }
}
