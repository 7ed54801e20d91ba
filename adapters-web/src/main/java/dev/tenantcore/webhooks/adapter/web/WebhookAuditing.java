package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.shared.adapter.web.AuditedResource;
import dev.tenantcore.webhooks.domain.WebhookPermissions;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Webhooks are audited (trigger webhooks_audit): their history is served at /v1/webhooks/{id}/history. */
@Factory
final class WebhookAuditing {

    @Singleton
    AuditedResource webhooks() {
        return new AuditedResource("webhooks", "webhook", WebhookPermissions.READ);
    }
}
