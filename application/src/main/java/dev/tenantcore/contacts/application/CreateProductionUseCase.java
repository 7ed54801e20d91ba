package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Production;

public interface CreateProductionUseCase {
    Production create(CreateProductionCommand command);
}
