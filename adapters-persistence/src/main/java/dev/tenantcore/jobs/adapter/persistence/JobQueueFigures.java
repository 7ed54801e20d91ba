package dev.tenantcore.jobs.adapter.persistence;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The queue's figures for operators, from the global queue table alone (ids and times, no tenant's rows): read
 * through the pool outside any tenant transaction. Kept for a second, so that a scrape reading several meters
 * costs one query.
 */
@Singleton
@Requires(beans = DataSource.class)
final class JobQueueFigures {
    private static final long KEPT_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * @param pending due and waiting for a worker
     * @param running claimed by a process
     * @param waiting due later: scheduled for later, or waiting out a retry's back-off
     * @param oldestPendingAgeSeconds how long the longest-waiting due entry has waited (0 when none)
     * @param dead claimed by a process that has stopped heartbeating: revived soon by any running worker
     */
    record Figures(long pending, long running, long waiting, double oldestPendingAgeSeconds, long dead) {
    }

    private final BeanProvider<DataSource> dataSource;
    private final DataSourceResolver resolver;
    private final Duration deadAfter;
    private volatile Figures last;
    private volatile long lastReadAt;

    /** The pool is looked up at the first reading: the meter registry is built while the pool is being made. */
    JobQueueFigures(BeanProvider<DataSource> dataSource, DataSourceResolver resolver,
            @Property(name = "tenantcore.jobs.heartbeat-interval", defaultValue = "30s") Duration heartbeatInterval,
            @Property(name = "tenantcore.jobs.missed-heartbeats", defaultValue = "4") int missedHeartbeats) {
        this.dataSource = dataSource;
        this.resolver = resolver;
        this.deadAfter = heartbeatInterval.multipliedBy(missedHeartbeats);
    }

    Figures figures() {
        var now = System.nanoTime();
        var figures = last;
        if (figures != null && now - lastReadAt < KEPT_NANOS) {
            return figures;
        }
        figures = read();
        last = figures;
        lastReadAt = now;
        return figures;
    }

    private Figures read() {
        try (var connection = resolver.resolve(dataSource.get()).getConnection(); var query = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE NOT picked AND execution_time <= now()),
                       count(*) FILTER (WHERE picked),
                       count(*) FILTER (WHERE NOT picked AND execution_time > now()),
                       coalesce(extract(epoch FROM now() - min(execution_time)
                           FILTER (WHERE NOT picked AND execution_time <= now())), 0),
                       count(*) FILTER (WHERE picked AND last_heartbeat < now() - ? * interval '1 millisecond')
                FROM scheduled_tasks""")) {
            query.setLong(1, deadAfter.toMillis());
            try (var row = query.executeQuery()) {
                row.next();
                return new Figures(row.getLong(1), row.getLong(2), row.getLong(3), row.getDouble(4), row.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the job queue's figures", e);
        }
    }
}
