package dev.tenantcore.jobs.adapter.persistence;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobRun;
import dev.tenantcore.jobs.application.JobStep;
import dev.tenantcore.shared.application.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queued jobs: a db-scheduler {@link Scheduler} over the runtime pool, with one task per
 * {@link JobHandler} bean (its type is the task's name). db-scheduler claims due entries with
 * {@code FOR UPDATE SKIP LOCKED} in one statement, so two processes never run the same entry; it heartbeats the
 * entries it runs and revives those whose process stopped heartbeating (a crash, a kill), and reschedules failures
 * after a delay that doubles each time. The queue entries carry no tenant data; each step runs in the job's
 * organization's transaction. Not started when {@code tenantcore.jobs.enabled} is false: that process only queues.
 * The settings' defaults repeat application.yml's, for contexts without it (this module's own tests).
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "tenantcore.jobs.enabled", notEquals = "false")
final class JobWorker implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final Scheduler scheduler;
    private final TenantTransactions transactions;
    private final JobRows rows;
    private final int maxAttempts;
    private final int threads;

    JobWorker(DataSource dataSource, DataSourceResolver resolver, List<JobHandler> handlers,
            TenantTransactions transactions, JobRows rows,
            @Property(name = "tenantcore.jobs.threads", defaultValue = "2") int threads,
            @Property(name = "tenantcore.jobs.poll-interval", defaultValue = "1s") Duration pollInterval,
            @Property(name = "tenantcore.jobs.heartbeat-interval", defaultValue = "30s") Duration heartbeatInterval,
            @Property(name = "tenantcore.jobs.missed-heartbeats", defaultValue = "4") int missedHeartbeats,
            @Property(name = "tenantcore.jobs.retry-delay", defaultValue = "10s") Duration retryDelay,
            @Property(name = "tenantcore.jobs.max-attempts", defaultValue = "10") int maxAttempts,
            @Property(name = "tenantcore.jobs.shutdown-wait", defaultValue = "20s") Duration shutdownWait) {
        this.transactions = transactions;
        this.rows = rows;
        this.maxAttempts = maxAttempts;
        this.threads = threads;
        var types = new HashSet<String>();
        var tasks = new ArrayList<Task<?>>();
        for (var handler : handlers) {
            if (!JdbcJobQueue.TYPE.matcher(handler.type()).matches() || !types.add(handler.type())) {
                throw new IllegalStateException("job handler " + handler.getClass().getName() + ": type '"
                        + handler.type() + "' is malformed or taken by another handler");
            }
            tasks.add(task(handler, retryDelay));
        }
        // The pool itself, not Micronaut's transaction-aware proxy: db-scheduler runs its own short statements,
        // in auto-commit, outside any tenant transaction (its table has no row-level security).
        this.scheduler = Scheduler.create(resolver.resolve(dataSource), tasks)
                .threads(threads)
                .pollingInterval(pollInterval)
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeats)
                .shutdownMaxWait(shutdownWait)
                .commitWhenAutocommitDisabled(true)
                .schedulerName(new SchedulerName.Fixed(processName()))
                .build();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scheduler.start();
        LOG.info("job worker started: {} threads", threads);
    }

    /**
     * Waits up to {@code tenantcore.jobs.shutdown-wait} for the steps under way. A step still running then is
     * interrupted; its transaction rolls back and its entry, no longer heartbeated, is revived by another process
     * (or this one after a restart) once {@code missed-heartbeats} heartbeats are missed.
     */
    @PreDestroy
    void stop() {
        scheduler.stop();
    }

    private Task<Void> task(JobHandler handler, Duration retryDelay) {
        var backoff = new FailureHandler.ExponentialBackoffFailureHandler<Void>(retryDelay, 2.0);
        return Tasks.custom(handler.type(), Void.class)
                .onFailure(backoff)
                .onDeadExecutionRevive()
                .execute((instance, context) -> step(handler, instance, context));
    }

    private CompletionHandler<Void> step(JobHandler handler, TaskInstance<Void> instance, ExecutionContext context) {
        var entry = QueueEntry.parse(instance.getId());
        var organizationId = entry.organizationId();
        var jobId = entry.jobId();
        var committedSteps = transactions.write(organizationId, () -> rows.begin(organizationId, jobId));
        if (committedSteps.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>(); // cancelled before it started, or gone
        }
        StepResult result;
        try {
            // The handler's work and the step count commit together: a step is done once, or not at all.
            result = transactions.write(organizationId, () -> {
                var run = new JobRun(organizationId, jobId, committedSteps.get(),
                        () -> rows.cancelled(organizationId, jobId));
                var step = handler.step(run);
                return new StepResult(step, rows.stepCommitted(organizationId, jobId, step == JobStep.FINISHED));
            });
        } catch (RuntimeException failure) {
            var last = context.getExecution().consecutiveFailures + 1 >= maxAttempts;
            var message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            transactions.write(organizationId, () -> {
                rows.failed(organizationId, jobId, message, last);
                return null;
            });
            if (last) {
                LOG.warn("job {} of organization {} ({}) failed {} times in a row, gives up: {}", jobId,
                        organizationId.value(), handler.type(), maxAttempts, message);
                return new CompletionHandler.OnCompleteRemove<>();
            }
            throw failure; // retried after the back-off delay
        }
        if (result.step() == JobStep.FINISHED || !result.counted()) { // done, or cancelled meanwhile
            return new CompletionHandler.OnCompleteRemove<>();
        }
        // Due now, so behind every entry that was already due: other organizations' jobs get their turn first.
        return (complete, operations) -> operations.reschedule(complete, Instant.now());
    }

    /** @param counted false if the job was cancelled while the step ran */
    private record StepResult(JobStep step, boolean counted) {
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // Two processes on one host (or two contexts in one test) still tell apart in picked_by.
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
