package dev.tenantcore.jobs;

import static dev.tenantcore.jobs.JobTesting.await;
import static dev.tenantcore.jobs.JobTesting.effects;
import static dev.tenantcore.jobs.JobTesting.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.jobs.RecordingJobHandler.Script;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobStatus;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A process stopped while one of its steps runs: the step is interrupted and rolled back, and the other process
 * runs the job to its end, every step's effect once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobQueueShutdownTest {
    private ApplicationContext first;
    private ApplicationContext second;

    @BeforeAll
    void start() {
        first = JobTesting.service(1, Map.of("tenantcore.jobs.shutdown-wait", "200ms"));
        second = JobTesting.service(1, Map.of("tenantcore.jobs.shutdown-wait", "200ms"));
    }

    @AfterAll
    void stop() {
        for (var service : new ApplicationContext[] {first, second}) {
            if (service != null && service.isRunning()) {
                service.close();
            }
        }
    }

    @Test
    void aStepCutShortByShutdownRunsAgainInTheOtherProcess() {
        var organizationId = JobTesting.organization(first);
        var jobId = first.getBean(JobQueue.class).enqueue(organizationId, RecordingJobHandler.TYPE,
                java.time.Instant.now().plus(Duration.ofDays(1)));
        RecordingJobHandler.SCRIPTS.put(jobId, new Script(3, 0, Duration.ZERO, null, true));
        JobTesting.execute("UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance LIKE '%/" + jobId
                + "'");
        // Not containsKey: the handler puts the job's list in the map before it adds its first observation.
        await("the first attempt to stall",
                () -> !RecordingJobHandler.OBSERVATIONS.getOrDefault(jobId, java.util.List.of()).isEmpty());
        var stalled = RecordingJobHandler.OBSERVATIONS.get(jobId).getFirst().handler();
        var stopping = stalled == first.getBean(RecordingJobHandler.class) ? first : second;
        var surviving = stopping == first ? second : first;

        stopping.close();

        await("the job to succeed", () -> job(surviving, organizationId, jobId).status() == JobStatus.SUCCEEDED);
        assertThat(effects(jobId)).as("the interrupted step's effect was rolled back").isEqualTo(3);
        assertThat(RecordingJobHandler.OBSERVATIONS.get(jobId)).as("the interrupted attempt and three steps")
                .hasSize(4).last().extracting(RecordingJobHandler.Observation::handler)
                .isSameAs(surviving.getBean(RecordingJobHandler.class));
    }
}
