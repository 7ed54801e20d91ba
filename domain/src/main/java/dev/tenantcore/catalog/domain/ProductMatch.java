package dev.tenantcore.catalog.domain;

import java.util.Objects;

/** A product found by a search, with its rank: higher is a better match. */
public record ProductMatch(Product product, float rank) {
    public ProductMatch {
        Objects.requireNonNull(product, "product");
    }

    public ProductSearchCursor cursor() {
        return new ProductSearchCursor(rank, product.id());
    }
}
