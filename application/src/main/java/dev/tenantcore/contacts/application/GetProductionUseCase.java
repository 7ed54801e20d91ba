package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;

public interface GetProductionUseCase {
    Production get(ProductionId id);
}
