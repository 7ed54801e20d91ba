package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Product;

public interface UpdateProductUseCase {
    Product update(UpdateProductCommand command);
}
