package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Products kept for fast reads, by organization and id: an entry of one organization is never the answer for
 * another. It sits below the permission checks (callers check first) and never decides anything: a cache that
 * fails answers from {@code load}.
 */
public interface ProductCache {

    /**
     * The cached product, or what {@code load} finds (then kept, unless the product was invalidated meanwhile: a
     * load that raced a write must not bring the old row back). Absent products are not kept.
     */
    Optional<Product> get(OrganizationId organizationId, ProductId id, Supplier<Optional<Product>> load);

    /** Forgets the product; called once the write that changed it has committed. */
    void invalidate(OrganizationId organizationId, ProductId id);
}
