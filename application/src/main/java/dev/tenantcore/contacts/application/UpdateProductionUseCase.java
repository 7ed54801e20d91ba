package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Production;

public interface UpdateProductionUseCase {
    Production update(UpdateProductionCommand command);
}
