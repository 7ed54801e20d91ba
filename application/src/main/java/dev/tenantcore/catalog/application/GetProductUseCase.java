package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductId;

public interface GetProductUseCase {
    Product get(ProductId id);
}
