package dev.tenantcore.shared.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming replica ({@code tenantcore.database.replica-url}) that serves {@code TenantTransactions.read} when
 * nobody could tell it from the primary:
 * <ul>
 *   <li>after this process wrote for an organization (or a user's own rows), that organization's (user's) reads
 *       stay on the primary until the replica has replayed the write;</li>
 *   <li>a replica more than {@code replica-max-lag} behind, or unreachable, serves nothing.</li>
 * </ul>
 * Whether a write has been replayed is known without asking the primary at every write: every check interval a
 * probe samples the primary's WAL position (noting the time just before it asked) and the replica's replay
 * position. Every write acknowledged before a sample's time is at or below that sample's position, so once the
 * replica has replayed up to a sample, everything written before the sample's time is there. A write costs one map
 * entry; a read one lookup.
 *
 * <p>Other instances' writes are not known here: a caller whose requests are spread over several instances can
 * read from a replica a write another instance acknowledged moments ago (at most {@code replica-max-lag} old).
 */
@Singleton
@Requires(property = "tenantcore.database.replica-url")
final class ReadReplica {
    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);
    private static final Set<String> REPLICA_FAULTS = Set.of("57P01", "57P02", "57P03", "53300", "40001");

    private final HikariDataSource pool;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final LongSupplier clock;
    private final Map<Object, Long> lastWrite = new ConcurrentHashMap<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final LongAdder servedByReplica = new LongAdder();
    private final LongAdder servedByPrimary = new LongAdder();
    private final ScheduledExecutorService probe;
    private volatile DataSource primary;
    private volatile State state = State.UNKNOWN;

    /** A point of the primary's WAL and the time just before it was read: every earlier commit lies below it. */
    private record Sample(long nanos, long lsn) {
    }

    /**
     * What the last check found: whether the replica answered, and the time of the newest sample it has replayed
     * (Long.MIN_VALUE if none); {@code lagNanos} is how far that sample lies behind the newest one.
     */
    record State(boolean reachable, long caughtUpTo, long lagNanos, String problem) {
        static final State UNKNOWN = new State(false, Long.MIN_VALUE, Long.MAX_VALUE, "not checked yet");
    }

    ReadReplica(@Property(name = "tenantcore.database.replica-url") String url,
            @Property(name = "tenantcore.database.runtime-user") String user,
            @Property(name = "tenantcore.database.runtime-password") @Nullable String password,
            @Property(name = "tenantcore.database.replica-pool-size") int poolSize,
            @Property(name = "tenantcore.database.replica-max-lag") Duration maxLag,
            @Property(name = "tenantcore.database.replica-check-interval") Duration checkInterval,
            @Property(name = "tenantcore.database.connection-timeout-ms") long connectionTimeoutMillis,
            @Property(name = "tenantcore.database.pooler") String pooler) {
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        this.clock = System::nanoTime;
        var config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(url);
        config.setDriverClassName(ReconnectingDriver.class.getName()); // back in use soon after a restart
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setValidationTimeout(1000);
        config.setReadOnly(true);
        // The service starts, and serves from the primary, while the replica is down.
        config.setInitializationFailTimeout(-1);
        if ("pgbouncer".equals(pooler)) {
            config.addDataSourceProperty("prepareThreshold", "0"); // see TransactionPoolerSettings
        }
        this.pool = new HikariDataSource(config);
        this.probe = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("read-replica-check")
                .daemon().factory());
    }

    /** The primary's own pool (not the routing one), for the probe's WAL samples; the checks start with it. */
    void start(DataSource primaryPool) {
        this.primary = primaryPool;
        probe.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records an acknowledged write: reads for these keys stay on the primary until the replica has it. */
    void wrote(OrganizationId organizationId, @Nullable UserId userId) {
        var now = clock.getAsLong();
        lastWrite.put(organizationId, now);
        if (userId != null) {
            lastWrite.put(userId, now);
        }
    }

    /** Whether a read for this organization (and user's own rows) may be served by the replica now. */
    boolean mayServe(OrganizationId organizationId, @Nullable UserId userId) {
        var current = state;
        if (!current.reachable() || current.lagNanos() > maxLag.toNanos()) {
            return false;
        }
        return replayed(organizationId, current) && (userId == null || replayed(userId, current));
    }

    private boolean replayed(Object key, State current) {
        var written = lastWrite.get(key);
        return written == null || written - current.caughtUpTo() < 0;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    void served(boolean byReplica) {
        (byReplica ? servedByReplica : servedByPrimary).increment();
    }

    /** A replica connection or statement failed: nothing more is sent there until a check finds it well again. */
    void failed(Throwable problem) {
        var previous = state;
        state = new State(false, previous.caughtUpTo(), previous.lagNanos(), describe(problem));
        if (previous.reachable()) {
            LOG.warn("Read replica unreachable, reads go to the primary: {}", describe(problem));
        }
    }

    State state() {
        return state;
    }

    Duration maxLag() {
        return maxLag;
    }

    long readsServedByReplica() {
        return servedByReplica.sum();
    }

    long readsServedByPrimary() {
        return servedByPrimary.sum();
    }

    HikariDataSource pool() {
        return pool;
    }

    /** One probe: a sample of the primary's WAL position, then how far the replica has replayed. */
    void check() {
        try {
            samplePrimary();
        } catch (SQLException | RuntimeException e) {
            // The primary is down: nothing is being written, the samples so far still hold.
            LOG.debug("Read replica check: no WAL position from the primary: {}", e.getMessage());
        }
        try {
            long replayed = replayPosition();
            update(replayed);
        } catch (SQLException | RuntimeException e) {
            failed(e);
        }
    }

    private void samplePrimary() throws SQLException {
        var source = primary;
        if (source == null) {
            return;
        }
        long before = clock.getAsLong();
        try (var connection = source.getConnection(); var statement = connection.createStatement();
                // The insert position, not the write position: with synchronous_commit off a commit returns before
                // its record is written, and only the insert position is sure to lie beyond it.
                var rows = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rows.next();
            var sample = new Sample(before, lsn(rows.getString(1)));
            synchronized (samples) {
                samples.addLast(sample);
                // Samples older than twice the lag bound can no longer make the replica usable: a replica that
                // has not passed any younger one is too far behind anyway.
                long oldest = before - 2 * Math.max(maxLag.toNanos(), checkInterval.toNanos());
                while (samples.size() > 1 && samples.peekFirst().nanos() - oldest < 0) {
                    samples.removeFirst();
                }
            }
        }
    }

    /** The replica's replay position; a server that is not in recovery (say, promoted) has replayed everything. */
    private long replayPosition() throws SQLException {
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return Long.MAX_VALUE;
            }
            var replayed = rows.getString(2);
            return replayed == null ? Long.MIN_VALUE : lsn(replayed);
        }
    }

    private void update(long replayed) {
        long caughtUpTo = Long.MIN_VALUE;
        long newest;
        synchronized (samples) {
            if (samples.isEmpty()) {
                state = new State(true, Long.MIN_VALUE, Long.MAX_VALUE, "no WAL position from the primary yet");
                return;
            }
            newest = samples.peekLast().nanos();
            for (var sample : samples) {
                if (sample.lsn() <= replayed) {
                    caughtUpTo = sample.nanos();
                }
            }
        }
        long lag = caughtUpTo == Long.MIN_VALUE ? Long.MAX_VALUE : newest - caughtUpTo;
        var previous = state;
        state = new State(true, caughtUpTo, lag, null);
        if (!previous.reachable() && previous != State.UNKNOWN) {
            LOG.info("Read replica reachable again");
        }
        // Forgotten: writes the replica has replayed, and writes so old that a replica without them lags beyond
        // the bound anyway (it cannot have passed a sample younger than they are).
        long window = 2 * Math.max(maxLag.toNanos(), checkInterval.toNanos());
        long cutoff = caughtUpTo == Long.MIN_VALUE ? newest - window : Math.max(caughtUpTo, newest - window);
        lastWrite.values().removeIf(written -> written - cutoff < 0);
    }

    /**
     * Whether a read that failed on the replica may be run again on the primary: the connection failed (class 08,
     * the server going away 57P01-03, no slots 53300, Hikari's stand-ins without a state), or the standby cancelled
     * the query because replaying the primary's changes needed its rows (40001, "conflict with recovery").
     */
    static boolean isReplicasFault(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                var state = sql.getSQLState();
                if (state == null ? sql.getMessage() != null && sql.getMessage().contains("Connection is closed")
                        : state.startsWith("08") || REPLICA_FAULTS.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code 16/B374D848} as one number: the high and low 32 bits of PostgreSQL's 64-bit WAL position. */
    static long lsn(String text) {
        var slash = text.indexOf('/');
        return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
    }

    private static String describe(Throwable problem) {
        var message = problem.getMessage();
        return problem.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @PreDestroy
    void close() {
        probe.shutdownNow();
        pool.close();
    }
}
