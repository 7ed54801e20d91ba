package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.shared.domain.OrganizationId;

/**
 * The catalog's port for other contexts (orders) that take and give back stock. It joins the caller's tenant
 * transaction (the caller's use case has checked its own permission and opened it), so the stock moves with the
 * caller's write or not at all.
 */
public interface ProductReservations {

    StockReservation reserve(OrganizationId organizationId, ProductId id, int quantity);

    void release(OrganizationId organizationId, ProductId id, int quantity);
}
