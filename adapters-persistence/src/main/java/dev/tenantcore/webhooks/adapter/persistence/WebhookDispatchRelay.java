package dev.tenantcore.webhooks.adapter.persistence;

import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.webhooks.application.DueDeliveries;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the deliveries that the outbox triggers queued (webhook_dispatch_queue) to the shared job queue, one job per
 * delivery. The queue entries are global (ids only), so they are found without a tenant; each organization's
 * entries are then claimed, and their jobs queued, in that organization's transaction: an entry is deleted together
 * with the job that replaces it, and {@code SKIP LOCKED} lets several processes relay side by side, each entry once.
 * Runs where the job worker runs.
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "tenantcore.jobs.enabled", notEquals = "false")
final class WebhookDispatchRelay implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatchRelay.class);
    private static final int BATCH = 500;

    private final DataSource pool;
    private final TenantTransactions transactions;
    private final Statements statements;
    private final JobQueue jobs;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "webhook-relay");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDispatchRelay(DataSource dataSource, DataSourceResolver resolver, TenantTransactions transactions,
            JdbcOperations jdbc, JobQueue jobs,
            @Property(name = "tenantcore.webhooks.relay-interval", defaultValue = "250ms") Duration interval) {
        // The pool itself: the queue is global and read outside any tenant transaction.
        this.pool = resolver.resolve(dataSource);
        this.transactions = transactions;
        this.statements = new Statements(jdbc);
        this.jobs = jobs;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        executor.scheduleWithFixedDelay(this::relayQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void relayQuietly() {
        try {
            relay();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("webhook relay: {}; trying again in {}", e.toString(), interval);
        }
    }

    /** One round: every organization with queued deliveries. Returns the deliveries handed over. */
    int relay() throws SQLException {
        var byOrganization = new LinkedHashMap<UUID, List<String>>();
        try (var connection = pool.getConnection();
                var statement = connection.prepareStatement("SELECT entry FROM webhook_dispatch_queue LIMIT ?")) {
            connection.setAutoCommit(true);
            statement.setInt(1, BATCH);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var entry = rows.getString(1);
                    byOrganization.computeIfAbsent(UUID.fromString(entry.substring(0, 36)), key -> new ArrayList<>())
                            .add(entry);
                }
            }
        }
        var relayed = 0;
        for (var organization : byOrganization.entrySet()) {
            var organizationId = new OrganizationId(organization.getKey());
            relayed += transactions.write(organizationId, () -> relay(organizationId, organization.getValue()));
        }
        return relayed;
    }

    private int relay(OrganizationId organizationId, List<String> entries) {
        var claimed = statements.query("""
                DELETE FROM webhook_dispatch_queue WHERE entry IN (
                    SELECT entry FROM webhook_dispatch_queue WHERE entry = ANY (?) FOR UPDATE SKIP LOCKED)
                RETURNING entry""", statement -> statement.setArray(1, Statements.textArray(statement, entries)),
                row -> UUID.fromString(row.getString(1).substring(37)));
        if (claimed.isEmpty()) {
            return 0;
        }
        // Deliveries deleted since (with their endpoint) need no job; those of a disabled endpoint fail at once.
        statements.update("""
                UPDATE webhook_deliveries d SET status = 'failed', last_error = 'the endpoint is disabled'
                FROM webhooks w
                WHERE d.organization_id = ? AND d.id = ANY (?) AND d.status = 'pending' AND d.job_id IS NULL
                  AND w.organization_id = d.organization_id AND w.id = d.webhook_id AND NOT w.enabled""",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", claimed.toArray()));
                });
        var waiting = statements.query("""
                SELECT id FROM webhook_deliveries
                WHERE organization_id = ? AND id = ANY (?) AND job_id IS NULL AND status = 'pending'
                ORDER BY id""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", claimed.toArray()));
                }, row -> row.getObject(1, UUID.class));
        for (var deliveryId : waiting) {
            var jobId = jobs.enqueue(organizationId, DueDeliveries.JOB_TYPE);
            statements.update("""
                    UPDATE webhook_deliveries SET job_id = ?, next_attempt_at = now()
                    WHERE organization_id = ? AND id = ?""", statement -> {
                        statement.setObject(1, jobId.value());
                        statement.setObject(2, organizationId.value());
                        statement.setObject(3, deliveryId);
                    });
        }
        return waiting.size();
    }
}
