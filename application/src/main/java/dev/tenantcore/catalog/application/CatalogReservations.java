package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductRepository;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;

@Singleton
final class CatalogReservations implements ProductReservations {
    private final ProductRepository products;

    CatalogReservations(ProductRepository products) {
        this.products = products;
    }

    @Override
    public StockReservation reserve(OrganizationId organizationId, ProductId id, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        return products.reserve(organizationId, id, quantity);
    }

    @Override
    public void release(OrganizationId organizationId, ProductId id, int quantity) {
        // A product deleted since it was ordered has no stock to return to.
        products.release(organizationId, id, quantity);
    }
}
