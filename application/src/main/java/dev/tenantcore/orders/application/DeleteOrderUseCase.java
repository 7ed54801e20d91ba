package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteOrderUseCase {
    void delete(OrderId id, ExpectedVersion expectedVersion);
}
