package dev.tenantcore.webhooks.application;

import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookDelivery;
import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookDeliveryRepository;
import dev.tenantcore.webhooks.domain.WebhookId;
import dev.tenantcore.webhooks.domain.WebhookPermissions;
import dev.tenantcore.webhooks.domain.WebhookRepository;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class WebhookService implements CreateWebhookUseCase, GetWebhookUseCase, UpdateWebhookUseCase,
        DeleteWebhookUseCase, ListWebhooksUseCase, RotateWebhookSecretUseCase, ListWebhookDeliveriesUseCase,
        RedeliverWebhookUseCase {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final SecretCipher cipher;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    WebhookService(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WebhookTargets targets,
            SecretCipher cipher, TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.targets = targets;
        this.cipher = cipher;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public WebhookWithSecret create(CreateWebhookCommand command) {
        currentTenant.require(WebhookPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        var webhook = Webhook.create(organizationId, command.url(), command.eventTypes(), command.enabled(),
                clock.instant());
        targets.check(webhook.url());
        var key = WebhookSecrets.newKey();
        var encrypted = cipher.encrypt(key, WebhookSecrets.context(webhook));
        var stored = transactions.write(organizationId, () -> webhooks.insert(webhook, encrypted));
        return new WebhookWithSecret(stored, WebhookSecrets.shown(key));
    }

    @Override
    public Webhook get(WebhookId id) {
        currentTenant.require(WebhookPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Webhook update(UpdateWebhookCommand command) {
        currentTenant.require(WebhookPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(command.url().orElse(current.url()),
                    command.eventTypes().orElse(current.eventTypes()),
                    command.enabled().orElse(current.enabled()));
            if (!revised.url().equals(current.url())) {
                targets.check(revised.url());
            }
            return webhooks.update(revised).orElseThrow(WebhookService::concurrentChange);
        });
    }

    @Override
    public WebhookWithSecret rotateSecret(WebhookId id, ExpectedVersion expectedVersion) {
        currentTenant.require(WebhookPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        var key = WebhookSecrets.newKey();
        var rotated = transactions.write(organizationId, () -> {
            var current = load(organizationId, id);
            expectedVersion.check(current.version());
            var encrypted = cipher.encrypt(key, WebhookSecrets.context(current));
            return webhooks.rotateSecret(organizationId, id, current.version(), encrypted,
                    clock.instant().plus(WebhookSecrets.OVERLAP)).orElseThrow(WebhookService::concurrentChange);
        });
        return new WebhookWithSecret(rotated, WebhookSecrets.shown(key));
    }

    @Override
    public void delete(WebhookId id, ExpectedVersion expectedVersion) {
        currentTenant.require(WebhookPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var webhook = load(organizationId, id);
            expectedVersion.check(webhook.version());
            if (!webhooks.delete(organizationId, id, webhook.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Webhook> list(PageRequest<WebhookId> page) {
        currentTenant.require(WebhookPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> webhooks.list(organizationId, page));
    }

    @Override
    public Page<WebhookDelivery> deliveries(WebhookId webhookId, PageRequest<WebhookDeliveryId> page) {
        currentTenant.require(WebhookPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.readLatest(organizationId, () -> {
            load(organizationId, webhookId);
            return deliveries.list(organizationId, webhookId, page);
        });
    }

    @Override
    public WebhookDeliveryId redeliver(WebhookId webhookId, WebhookDeliveryId deliveryId) {
        currentTenant.require(WebhookPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> deliveries.redeliver(organizationId, webhookId, deliveryId)
                .orElseThrow(() -> new ResourceNotFoundException("webhook delivery")));
    }

    private Webhook load(OrganizationId organizationId, WebhookId id) {
        return webhooks.findById(organizationId, id)
                .orElseThrow(() -> new ResourceNotFoundException("webhook"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the webhook was changed concurrently; retry");
    }
}
