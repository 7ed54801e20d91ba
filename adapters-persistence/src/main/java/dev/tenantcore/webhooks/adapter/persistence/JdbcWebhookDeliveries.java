package dev.tenantcore.webhooks.adapter.persistence;

import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.webhooks.application.Attempt;
import dev.tenantcore.webhooks.application.DueDeliveries;
import dev.tenantcore.webhooks.application.DueDelivery;
import dev.tenantcore.webhooks.domain.WebhookDelivery;
import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookDeliveryRepository;
import dev.tenantcore.webhooks.domain.WebhookId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The deliveries and the endpoint's failure state. Every statement runs in the organization's transaction. */
@Singleton
final class JdbcWebhookDeliveries implements WebhookDeliveryRepository, DueDeliveries {
    private final Statements statements;

    JdbcWebhookDeliveries(JdbcOperations jdbc) {
        this.statements = new Statements(jdbc);
    }

    @Override
    public Page<WebhookDelivery> list(OrganizationId organizationId, WebhookId webhookId,
            PageRequest<WebhookDeliveryId> page) {
        var after = page.after().map(WebhookDeliveryId::value).orElse(PersistedIds.NEWEST);
        var found = statements.query("""
                SELECT d.*, e.type FROM webhook_deliveries d
                JOIN webhook_events e ON e.organization_id = d.organization_id AND e.id = d.event_id
                WHERE d.organization_id = ? AND d.webhook_id = ? AND d.id < ?
                ORDER BY d.id DESC LIMIT ?""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, webhookId.value());
                    statement.setObject(3, after);
                    statement.setInt(4, page.limit() + 1);
                }, JdbcWebhookDeliveries::delivery);
        return Page.fromOverfetch(found, page.limit());
    }

    @Override
    public Optional<WebhookDeliveryId> redeliver(OrganizationId organizationId, WebhookId webhookId,
            WebhookDeliveryId deliveryId) {
        // A new delivery of the same event, and its queue entry for the relay, in one statement.
        return statements.queryOne("""
                WITH again AS (
                    INSERT INTO webhook_deliveries (organization_id, webhook_id, event_id)
                    SELECT organization_id, webhook_id, event_id FROM webhook_deliveries
                    WHERE organization_id = ? AND webhook_id = ? AND id = ?
                    RETURNING organization_id, id),
                queued AS (
                    INSERT INTO webhook_dispatch_queue (entry)
                    SELECT organization_id::text || '/' || id::text FROM again)
                SELECT id FROM again""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, webhookId.value());
                    statement.setObject(3, deliveryId.value());
                }, row -> new WebhookDeliveryId(row.getObject("id", UUID.class)));
    }

    @Override
    public Optional<DueDelivery> findByJob(OrganizationId organizationId, JobId jobId) {
        return statements.queryOne("""
                SELECT d.id, d.webhook_id, d.event_id, d.attempts, e.payload::text AS body, w.url, w.enabled,
                       w.secret_ciphertext, w.previous_secret_ciphertext, w.previous_secret_expires_at
                FROM webhook_deliveries d
                JOIN webhook_events e ON e.organization_id = d.organization_id AND e.id = d.event_id
                JOIN webhooks w ON w.organization_id = d.organization_id AND w.id = d.webhook_id
                WHERE d.organization_id = ? AND d.job_id = ? AND d.status = 'pending'
                FOR UPDATE OF d""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, jobId.value());
                }, row -> new DueDelivery(new WebhookDeliveryId(row.getObject("id", UUID.class)),
                        new WebhookId(row.getObject("webhook_id", UUID.class)),
                        row.getObject("event_id", UUID.class), row.getString("body"), row.getString("url"),
                        row.getBoolean("enabled"), row.getBytes("secret_ciphertext"),
                        row.getBytes("previous_secret_ciphertext"),
                        Statements.instant(row, "previous_secret_expires_at"), row.getInt("attempts")));
    }

    @Override
    public void recordAttempt(OrganizationId organizationId, WebhookDeliveryId deliveryId, Attempt attempt) {
        statements.update("""
                UPDATE webhook_deliveries SET status = ?, attempts = ?, response_status = ?, duration_ms = ?,
                    last_error = ?, last_attempt_at = ?, next_attempt_at = ?, job_id = ?
                WHERE organization_id = ? AND id = ?""", statement -> {
                    statement.setString(1, attempt.status().name().toLowerCase(Locale.ROOT));
                    statement.setInt(2, attempt.attempts());
                    statement.setObject(3, attempt.responseStatus());
                    statement.setInt(4, attempt.durationMillis());
                    statement.setString(5, attempt.error());
                    statement.setTimestamp(6, Statements.timestamp(attempt.at()));
                    statement.setTimestamp(7, Statements.timestamp(attempt.nextAttemptAt()));
                    statement.setObject(8, attempt.nextJob() == null ? null : attempt.nextJob().value());
                    statement.setObject(9, organizationId.value());
                    statement.setObject(10, deliveryId.value());
                });
    }

    @Override
    public void endpointSucceeded(OrganizationId organizationId, WebhookId webhookId) {
        statements.update("""
                UPDATE webhooks SET failing_since = NULL
                WHERE organization_id = ? AND id = ? AND failing_since IS NOT NULL""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, webhookId.value());
                });
    }

    @Override
    public boolean endpointFailed(OrganizationId organizationId, WebhookId webhookId, Instant now,
            Duration disableAfter) {
        statements.update("""
                UPDATE webhooks SET failing_since = ?
                WHERE organization_id = ? AND id = ? AND failing_since IS NULL""", statement -> {
                    statement.setTimestamp(1, Statements.timestamp(now));
                    statement.setObject(2, organizationId.value());
                    statement.setObject(3, webhookId.value());
                });
        // A change the audit log records as the action "disable" (disabled_at going from NULL to a value).
        return statements.update("""
                UPDATE webhooks SET enabled = false, disabled_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND enabled AND failing_since <= ?""", statement -> {
                    statement.setTimestamp(1, Statements.timestamp(now));
                    statement.setObject(2, organizationId.value());
                    statement.setObject(3, webhookId.value());
                    statement.setTimestamp(4, Statements.timestamp(now.minus(disableAfter)));
                }) == 1;
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        return new WebhookDelivery(new WebhookDeliveryId(row.getObject("id", UUID.class)),
                new WebhookId(row.getObject("webhook_id", UUID.class)), row.getObject("event_id", UUID.class),
                row.getString("type"),
                WebhookDelivery.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getInt("attempts"), Statements.integer(row, "response_status"),
                Statements.integer(row, "duration_ms"), row.getString("last_error"),
                Statements.instant(row, "last_attempt_at"), Statements.instant(row, "next_attempt_at"),
                Statements.instant(row, "created_at"));
    }
}
