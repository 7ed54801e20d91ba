package dev.tenantcore.shared.adapter.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's own figures as meters: transactions, deadlocks, the buffer cache's hit ratio, each table's size
 * (a partitioned table's partitions summed), the audit log's partitions and, when pg_stat_statements is installed,
 * the ten statements that took the most time. Read from PostgreSQL's statistics views
 * through the runtime pool at most once per {@link #MAX_AGE}, however often metrics are scraped; while the database
 * is unreachable the last figures stay.
 */
@Singleton
@Requires(beans = {DataSource.class, MeterRegistry.class})
final class DatabaseStatistics implements MeterBinder, ApplicationEventListener<StartupEvent> {
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatistics.class);
    private static final String DATABASE_FIGURES = """
            SELECT xact_commit, xact_rollback, deadlocks, blks_hit, blks_read
              FROM pg_stat_database WHERE datname = current_database()""";
    private static final String TABLE_SIZES = """
            SELECT c.relname, (SELECT sum(pg_total_relation_size(tree.relid)) FROM pg_partition_tree(c.oid) tree)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition""";
    private static final String AUDIT_PARTITIONS = """
            SELECT count(*) FROM pg_partition_tree('audit_events') WHERE isleaf""";
    private static final String STATEMENTS_TRACKED = """
            SELECT to_regclass('pg_stat_statements') IS NOT NULL""";
    /**
     * The statements that took the most time since the figures were last reset: what to look at first when the
     * database is slow. Only this database's, and only the runtime role's (whose text it may read).
     */
    private static final String SLOWEST_STATEMENTS = """
            SELECT queryid::text, calls, total_exec_time / 1000, mean_exec_time / 1000
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND queryid IS NOT NULL
             ORDER BY total_exec_time DESC LIMIT 10""";

    private final BeanProvider<DataSource> dataSource;
    private final DataSourceResolver resolver;
    private final Set<String> tablesWithGauges = ConcurrentHashMap.newKeySet();
    private final Set<String> statementsWithGauges = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile MeterRegistry registry;

    /** The pool is looked up at the first reading: the meter registry is built while the pool is being made. */
    DatabaseStatistics(BeanProvider<DataSource> dataSource, DataSourceResolver resolver) {
        this.dataSource = dataSource;
        this.resolver = resolver;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "tenantcore.db.transactions", "committed", "Transactions committed", Snapshot::commits);
        counter(registry, "tenantcore.db.transactions", "rolled_back", "Transactions rolled back", Snapshot::rollbacks);
        FunctionCounter.builder("tenantcore.db.deadlocks", this, statistics -> statistics.current().deadlocks())
                .description("Deadlocks PostgreSQL detected in this database").register(registry);
        Gauge.builder("tenantcore.db.cache.hit.ratio", this, statistics -> statistics.current().cacheHitRatio())
                .description("Share of block reads served from PostgreSQL's buffer cache").register(registry);
        Gauge.builder("tenantcore.db.audit.partitions", this, statistics -> statistics.current().auditPartitions())
                .description("Partitions of the audit log").register(registry);
        this.registry = registry; // each table's gauge is added when a reading first finds the table
    }

    /** The first reading, once the pool exists: it adds the tables' gauges before the first scrape. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        current();
    }

    private void registerNewGauges(Snapshot reading) {
        var meters = registry;
        if (meters == null) {
            return;
        }
        for (var queryId : reading.statements().keySet()) {
            if (statementsWithGauges.add(queryId)) {
                statementGauge(meters, queryId, "tenantcore.db.statement.time", StatementFigures::totalSeconds,
                        "Time spent executing one of the ten statements that took the most (pg_stat_statements)");
                statementGauge(meters, queryId, "tenantcore.db.statement.mean", StatementFigures::meanSeconds,
                        "Mean execution time of one of the ten statements that took the most (pg_stat_statements)");
                Gauge.builder("tenantcore.db.statement.calls", this, statistics -> figure(statistics, queryId,
                                StatementFigures::calls))
                        .tag("queryid", queryId)
                        .description("Executions of one of the ten statements that took the most (pg_stat_statements)")
                        .register(meters);
            }
        }
        for (var table : reading.tableBytes().keySet()) {
            if (tablesWithGauges.add(table)) {
                Gauge.builder("tenantcore.db.table.size", this, statistics -> statistics.current().tableBytes()
                                .getOrDefault(table, Double.NaN))
                        .tag("table", table).baseUnit("bytes")
                        .description("A table's size with its indexes and TOAST, partitions summed").register(meters);
            }
        }
    }

    /** A statement that has left the ten reads NaN (Prometheus drops it) until it returns. */
    private void statementGauge(MeterRegistry meters, String queryId, String name,
            ToDoubleFunction<StatementFigures> value, String description) {
        Gauge.builder(name, this, statistics -> figure(statistics, queryId, value)).tag("queryid", queryId)
                .baseUnit("seconds").description(description).register(meters);
    }

    private static double figure(DatabaseStatistics statistics, String queryId,
            ToDoubleFunction<StatementFigures> value) {
        var figures = statistics.current().statements().get(queryId);
        return figures == null ? Double.NaN : value.applyAsDouble(figures);
    }

    private void counter(MeterRegistry registry, String name, String outcome, String description,
            ToDoubleFunction<Snapshot> figure) {
        FunctionCounter.builder(name, this, statistics -> figure.applyAsDouble(statistics.current()))
                .tag("outcome", outcome).description(description).register(registry);
    }

    private Snapshot current() {
        var last = snapshot;
        if (System.nanoTime() - last.readAt() < MAX_AGE.toNanos() && last != Snapshot.EMPTY) {
            return last;
        }
        synchronized (this) {
            if (snapshot != last) {
                return snapshot;
            }
            try {
                snapshot = read();
                registerNewGauges(snapshot);
            } catch (SQLException e) {
                LOG.warn("Database statistics not read ({}); the last figures stay", e.getMessage());
                snapshot = last.readAgainLater();
            }
            return snapshot;
        }
    }

    private Snapshot read() throws SQLException {
        // The pool itself: these are catalog reads outside any tenant's transaction.
        var pool = resolver.resolve(dataSource.get());
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            double commits;
            double rollbacks;
            double deadlocks;
            double hitRatio;
            try (var row = statement.executeQuery(DATABASE_FIGURES)) {
                row.next();
                commits = row.getLong(1);
                rollbacks = row.getLong(2);
                deadlocks = row.getLong(3);
                long hits = row.getLong(4);
                long reads = row.getLong(5);
                hitRatio = hits + reads == 0 ? Double.NaN : (double) hits / (hits + reads);
            }
            var tables = new HashMap<String, Double>();
            try (var rows = statement.executeQuery(TABLE_SIZES)) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getDouble(2));
                }
            }
            double partitions;
            try (var row = statement.executeQuery(AUDIT_PARTITIONS)) {
                row.next();
                partitions = row.getLong(1);
            }
            var statements = new HashMap<String, StatementFigures>();
            boolean tracked;
            try (var row = statement.executeQuery(STATEMENTS_TRACKED)) {
                row.next();
                tracked = row.getBoolean(1);
            }
            if (tracked) {
                try (var rows = statement.executeQuery(SLOWEST_STATEMENTS)) {
                    while (rows.next()) {
                        statements.put(rows.getString(1),
                                new StatementFigures(rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
                    }
                }
            }
            return new Snapshot(System.nanoTime(), commits, rollbacks, deadlocks, hitRatio, partitions,
                    Map.copyOf(tables), Map.copyOf(statements));
        }
    }

    private record Snapshot(long readAt, double commits, double rollbacks, double deadlocks, double cacheHitRatio,
            double auditPartitions, Map<String, Double> tableBytes, Map<String, StatementFigures> statements) {
        static final Snapshot EMPTY = new Snapshot(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Map.of(), Map.of());

        Snapshot readAgainLater() {
            return new Snapshot(System.nanoTime(), commits, rollbacks, deadlocks, cacheHitRatio, auditPartitions,
                    tableBytes, statements);
        }
    }

    private record StatementFigures(double calls, double totalSeconds, double meanSeconds) {
    }
}
