package dev.tenantcore.catalog.adapter.web;

import dev.tenantcore.catalog.domain.ProductPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Products are audited (trigger products_audit): their history is served at /v1/products/{id}/history. */
@Factory
final class ProductAuditing {

    @Singleton
    AuditedResource products() {
        return new AuditedResource("products", "product", ProductPermissions.READ);
    }
}
