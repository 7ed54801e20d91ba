package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The organization's webhook endpoints. Every method runs inside the caller's tenant transaction. Secrets cross
 * this port only encrypted.
 */
public interface WebhookRepository {

    /** Stores a new webhook with its encrypted secret; returns it as stored. */
    Webhook insert(Webhook webhook, byte[] encryptedSecret);

    Optional<Webhook> findById(OrganizationId organizationId, WebhookId id);

    /** Newest first, after {@code page.after()}. */
    Page<Webhook> list(OrganizationId organizationId, PageRequest<WebhookId> page);

    /** Writes the new fields if the stored version is still {@code webhook.version()}; empty otherwise. */
    Optional<Webhook> update(Webhook webhook);

    /**
     * Makes {@code encryptedSecret} the secret and keeps the current one as the previous secret until
     * {@code previousUntil}, if the stored version is still {@code version}; empty otherwise.
     */
    Optional<Webhook> rotateSecret(OrganizationId organizationId, WebhookId id, long version, byte[] encryptedSecret,
            Instant previousUntil);

    /** Deletes the webhook (and its deliveries) if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, WebhookId id, long version);
}
