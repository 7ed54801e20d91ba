package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListProductionsUseCase {
    Page<Production> list(PageRequest<ProductionId> page);
}
