package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteProductUseCase {
    void delete(ProductId id, ExpectedVersion expectedVersion);
}
