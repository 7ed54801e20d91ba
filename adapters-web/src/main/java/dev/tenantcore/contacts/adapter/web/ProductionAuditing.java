package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Productions are audited (trigger productions_audit): their history is served at /v1/productions/{id}/history. */
@Factory
final class ProductionAuditing {

    @Singleton
    AuditedResource productions() {
        return new AuditedResource("productions", "production", ContactPermissions.READ);
    }
}
