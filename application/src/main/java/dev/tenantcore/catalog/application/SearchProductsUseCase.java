package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductMatch;
import dev.tenantcore.catalog.domain.ProductSearch;
import dev.tenantcore.catalog.domain.ProductSearchCursor;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface SearchProductsUseCase {
    Page<ProductMatch> search(ProductSearch search, PageRequest<ProductSearchCursor> page);
}
