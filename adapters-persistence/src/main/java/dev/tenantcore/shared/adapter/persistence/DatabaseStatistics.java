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
 * (a partitioned table's partitions summed) and the audit log's partitions. Read from PostgreSQL's statistics views
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

    private final BeanProvider<DataSource> dataSource;
    private final DataSourceResolver resolver;
    private final Set<String> tablesWithGauges = ConcurrentHashMap.newKeySet();
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

    private void registerTables(Snapshot reading) {
        var meters = registry;
        if (meters == null) {
            return;
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
                registerTables(snapshot);
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
            return new Snapshot(System.nanoTime(), commits, rollbacks, deadlocks, hitRatio, partitions,
                    Map.copyOf(tables));
        }
    }

    private record Snapshot(long readAt, double commits, double rollbacks, double deadlocks, double cacheHitRatio,
            double auditPartitions, Map<String, Double> tableBytes) {
        static final Snapshot EMPTY = new Snapshot(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Map.of());

        Snapshot readAgainLater() {
            return new Snapshot(System.nanoTime(), commits, rollbacks, deadlocks, cacheHitRatio, auditPartitions,
                    tableBytes);
        }
    }
}
