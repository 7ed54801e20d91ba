package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read replica's state for operators. Always UP: while the replica is unreachable or too far behind, the
 * primary serves its reads, so the service is not down; the details say which it is.
 */
@Singleton
@Requires(bean = ReadReplica.class)
final class ReadReplicaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final ReadReplica replica;

    ReadReplicaHealthIndicator(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var state = replica.state();
        var details = new LinkedHashMap<String, Object>();
        if (!state.reachable()) {
            details.put("state", "unreachable: reads go to the primary");
            details.put("problem", state.problem());
        } else if (state.lagNanos() > replica.maxLag().toNanos()) {
            details.put("state", "lagging beyond " + replica.maxLag().toMillis() + " ms: reads go to the primary");
        } else {
            details.put("state", "serving reads");
        }
        if (state.reachable() && state.lagNanos() != Long.MAX_VALUE) {
            details.put("lagMillis", state.lagNanos() / 1_000_000);
        }
        healthStatus = HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "readReplica";
    }
}
