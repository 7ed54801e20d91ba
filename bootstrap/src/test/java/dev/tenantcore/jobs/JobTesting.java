package dev.tenantcore.jobs;

import static org.assertj.core.api.Assertions.fail;

import dev.tenantcore.jobs.application.Job;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UuidV7;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Service contexts with a fast worker, organizations to queue jobs for, and the jobs' effects. */
final class JobTesting {
    /** How long the tests wait for what the worker should do within a second or two. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private JobTesting() {
    }

    /** A service process on the test database whose worker polls, heartbeats and retries in fractions of seconds. */
    static ApplicationContext service(int threads, Map<String, Object> overrides) {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        // A small pool: several of these run beside one another on the test server's connections.
        properties.put("datasources.default.maximum-pool-size", threads + 2);
        properties.put("tenantcore.jobs.threads", threads);
        properties.put("tenantcore.jobs.poll-interval", "100ms");
        properties.put("tenantcore.jobs.heartbeat-interval", "200ms");
        properties.put("tenantcore.jobs.missed-heartbeats", 4);
        properties.put("tenantcore.jobs.retry-delay", "100ms");
        properties.put("tenantcore.jobs.max-attempts", 4);
        properties.put("tenantcore.jobs.shutdown-wait", "2s");
        properties.putAll(overrides);
        return ApplicationContext.run(properties, "test");
    }

    static OrganizationId organization(ApplicationContext service) {
        var id = new OrganizationId(UuidV7.next());
        var jdbc = service.getBean(JdbcOperations.class);
        service.getBean(TenantTransactions.class).write(id, () -> jdbc.prepareStatement(
                "INSERT INTO organizations (id, name, slug) VALUES (?, 'Jobs test', ?)", statement -> {
                    statement.setObject(1, id.value());
                    statement.setString(2, "jobs-" + id.value().toString().substring(24));
                    return statement.executeUpdate();
                }));
        return id;
    }

    static Job job(ApplicationContext service, OrganizationId organizationId, JobId jobId) {
        return service.getBean(JobQueue.class).find(organizationId, jobId).orElseThrow();
    }

    /** The tasks the job's steps wrote, read past row-level security. */
    static long effects(JobId jobId) {
        return count("SELECT count(*) FROM tasks WHERE title LIKE 'job " + jobId + " step %'");
    }

    /** The job's entries in the global queue. */
    static long queueEntries(JobId jobId) {
        return count("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE '%/" + jobId + "'");
    }

    static long count(String sql) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var statement = superuser.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var statement = superuser.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
