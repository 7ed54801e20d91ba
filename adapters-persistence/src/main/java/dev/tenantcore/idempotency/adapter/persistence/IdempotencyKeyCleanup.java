package dev.tenantcore.idempotency.adapter.persistence;

import dev.tenantcore.idempotency.application.IdempotencyKeys;
import dev.tenantcore.shared.application.TenantTransactions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys, each organization's in its own transactions, in batches so that no
 * transaction grows with the backlog. Hourly: an expired key already answers nothing (lookups skip it), so the
 * clean-up only returns the space.
 */
@Singleton
@Requires(property = "tenantcore.idempotency.cleanup.enabled", notEquals = "false")
final class IdempotencyKeyCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);
    private static final int BATCH = 1000;

    private final IdempotencyKeys keys;
    private final TenantTransactions transactions;

    IdempotencyKeyCleanup(IdempotencyKeys keys, TenantTransactions transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "${tenantcore.idempotency.cleanup.interval:1h}")
    void scheduled() {
        try {
            var deleted = cleanUp();
            if (deleted > 0) {
                LOG.info("Deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired idempotency keys failed; it runs again at the next interval: {}",
                    e.getMessage());
        }
    }

    /** Answers how many keys were deleted. */
    long cleanUp() {
        long deleted = 0;
        for (var organizationId : keys.organizationsWithExpiredKeys()) {
            int batch;
            do {
                batch = transactions.write(organizationId, () -> keys.deleteExpired(organizationId, BATCH));
                deleted += batch;
            } while (batch == BATCH);
        }
        return deleted;
    }
}
