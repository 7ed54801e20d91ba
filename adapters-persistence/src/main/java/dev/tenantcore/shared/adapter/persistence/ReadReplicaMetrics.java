package dev.tenantcore.shared.adapter.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The read replica in the metrics: whether it is used, how far behind it is, how many reads it served, and its
 * pool (as {@code hikaricp_connections_*{pool="replica"}}, beside the primary's).
 */
@Singleton
@Requires(beans = {ReadReplica.class, MeterRegistry.class})
final class ReadReplicaMetrics implements MeterBinder {
    private final ReadReplica replica;

    ReadReplicaMetrics(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tenantcore.db.replica.up", replica, ReadReplicaMetrics::up)
                .description("1 while the read replica answers and lags less than tenantcore.database.replica-max-lag")
                .register(registry);
        Gauge.builder("tenantcore.db.replica.lag", replica, ReadReplicaMetrics::lagSeconds).baseUnit("seconds")
                .description("How far the replica's replay is behind the primary's WAL, as the time between the "
                        + "primary positions it has and has not reached yet (NaN while unreachable)")
                .register(registry);
        FunctionCounter.builder("tenantcore.db.reads", replica, ReadReplica::readsServedByReplica)
                .tag("served_by", "replica").description("Reads the replica could serve, by who served them")
                .register(registry);
        FunctionCounter.builder("tenantcore.db.reads", replica, ReadReplica::readsServedByPrimary)
                .tag("served_by", "primary").description("Reads the replica could serve, by who served them")
                .register(registry);
        replica.pool().setMetricRegistry(registry);
    }

    private static double up(ReadReplica replica) {
        var state = replica.state();
        return state.reachable() && state.lagNanos() <= replica.maxLag().toNanos() ? 1 : 0;
    }

    private static double lagSeconds(ReadReplica replica) {
        var state = replica.state();
        if (!state.reachable()) {
            return Double.NaN;
        }
        return state.lagNanos() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : state.lagNanos() / 1e9;
    }
}
