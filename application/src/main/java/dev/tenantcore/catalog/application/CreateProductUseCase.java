package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Product;

public interface CreateProductUseCase {
    Product create(CreateProductCommand command);
}
