package dev.tenantcore.orders.adapter.web;

import dev.tenantcore.orders.domain.OrderPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Orders are audited (trigger orders_audit): their history is served at /v1/orders/{id}/history. */
@Factory
final class OrderAuditing {

    @Singleton
    AuditedResource orders() {
        return new AuditedResource("orders", "order", OrderPermissions.READ);
    }
}
