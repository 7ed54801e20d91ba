package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** The delivery log of the organization's endpoints. Every method runs inside the caller's tenant transaction. */
public interface WebhookDeliveryRepository {

    /** The endpoint's deliveries, newest first, after {@code page.after()}. */
    Page<WebhookDelivery> list(OrganizationId organizationId, WebhookId webhookId,
            PageRequest<WebhookDeliveryId> page);

    /**
     * Queues the delivery's event once more for its endpoint, as a new delivery with the same event (and so the
     * same {@code webhook-id}); empty if there is no such delivery of that endpoint.
     */
    Optional<WebhookDeliveryId> redeliver(OrganizationId organizationId, WebhookId webhookId,
            WebhookDeliveryId deliveryId);
}
