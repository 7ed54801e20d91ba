package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductFilter;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListProductsUseCase {
    Page<Product> list(ProductFilter filter, PageRequest<ProductId> page);
}
