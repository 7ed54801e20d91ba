package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteProductionUseCase {
    void delete(ProductionId id, ExpectedVersion expectedVersion);
}
