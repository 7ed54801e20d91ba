package dev.tenantcore.catalog.domain;

import java.util.Objects;

/**
 * Where a page of ranked search results ends: the last result's rank and id. The next page holds the results that
 * sort after it by rank descending, then id descending; the id breaks ties, so a result is on exactly one page.
 */
public record ProductSearchCursor(float rank, ProductId id) {
    public ProductSearchCursor {
        Objects.requireNonNull(id, "id");
        if (!Float.isFinite(rank)) {
            throw new IllegalArgumentException("rank must be finite");
        }
    }
}
