package dev.tenantcore.webhooks.adapter.persistence;

import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookId;
import dev.tenantcore.webhooks.domain.WebhookRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The tenant statement guard refuses these statements outside the organization's transaction. */
@Singleton
final class JdbcWebhookRepository implements WebhookRepository {
    /** Every column but the secrets, which only the delivery reads. */
    private static final String COLUMNS = "id, organization_id, url, event_types, enabled, disabled_at, version, "
            + "created_at, updated_at";

    private final Statements statements;

    JdbcWebhookRepository(JdbcOperations jdbc) {
        this.statements = new Statements(jdbc);
    }

    @Override
    public Webhook insert(Webhook webhook, byte[] encryptedSecret) {
        return statements.queryOne("INSERT INTO webhooks (organization_id, id, url, event_types, enabled, "
                + "secret_ciphertext, version) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, statement -> {
                    statement.setObject(1, webhook.organizationId().value());
                    statement.setObject(2, webhook.id().value());
                    statement.setString(3, webhook.url());
                    statement.setArray(4, Statements.textArray(statement, webhook.eventTypes()));
                    statement.setBoolean(5, webhook.enabled());
                    statement.setBytes(6, encryptedSecret);
                    statement.setLong(7, webhook.version());
                }, JdbcWebhookRepository::webhook).orElseThrow();
    }

    @Override
    public Optional<Webhook> findById(OrganizationId organizationId, WebhookId id) {
        return statements.queryOne("SELECT " + COLUMNS + " FROM webhooks WHERE organization_id = ? AND id = ?",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, id.value());
                }, JdbcWebhookRepository::webhook);
    }

    @Override
    public Page<Webhook> list(OrganizationId organizationId, PageRequest<WebhookId> page) {
        var after = page.after().map(WebhookId::value).orElse(PersistedIds.NEWEST);
        var found = statements.query("SELECT " + COLUMNS + " FROM webhooks WHERE organization_id = ? AND id < ? "
                + "ORDER BY id DESC LIMIT ?", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, after);
                    statement.setInt(3, page.limit() + 1);
                }, JdbcWebhookRepository::webhook);
        return Page.fromOverfetch(found, page.limit());
    }

    @Override
    public Optional<Webhook> update(Webhook webhook) {
        return statements.queryOne("""
                UPDATE webhooks SET url = ?, event_types = ?, enabled = ?, disabled_at = ?,
                    failing_since = CASE WHEN ? AND NOT enabled THEN NULL ELSE failing_since END,
                    version = version + 1
                WHERE organization_id = ? AND id = ? AND version = ? RETURNING\s""" + COLUMNS, statement -> {
                    statement.setString(1, webhook.url());
                    statement.setArray(2, Statements.textArray(statement, webhook.eventTypes()));
                    statement.setBoolean(3, webhook.enabled());
                    statement.setTimestamp(4, Statements.timestamp(webhook.disabledAt()));
                    statement.setBoolean(5, webhook.enabled());
                    statement.setObject(6, webhook.organizationId().value());
                    statement.setObject(7, webhook.id().value());
                    statement.setLong(8, webhook.version());
                }, JdbcWebhookRepository::webhook);
    }

    @Override
    public Optional<Webhook> rotateSecret(OrganizationId organizationId, WebhookId id, long version,
            byte[] encryptedSecret, Instant previousUntil) {
        return statements.queryOne("""
                UPDATE webhooks SET previous_secret_ciphertext = secret_ciphertext, secret_ciphertext = ?,
                    previous_secret_expires_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND version = ? RETURNING\s""" + COLUMNS, statement -> {
                    statement.setBytes(1, encryptedSecret);
                    statement.setTimestamp(2, Statements.timestamp(previousUntil));
                    statement.setObject(3, organizationId.value());
                    statement.setObject(4, id.value());
                    statement.setLong(5, version);
                }, JdbcWebhookRepository::webhook);
    }

    @Override
    public boolean delete(OrganizationId organizationId, WebhookId id, long version) {
        return statements.update("DELETE FROM webhooks WHERE organization_id = ? AND id = ? AND version = ?",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, version);
                }) == 1;
    }

    private static Webhook webhook(ResultSet row) throws SQLException {
        return Webhook.reconstitute(new WebhookId(row.getObject("id", UUID.class)),
                new OrganizationId(row.getObject("organization_id", UUID.class)), row.getString("url"),
                Statements.strings(row, "event_types"), row.getBoolean("enabled"),
                Statements.instant(row, "disabled_at"), row.getLong("version"), Statements.instant(row, "created_at"),
                Statements.instant(row, "updated_at"));
    }
}
