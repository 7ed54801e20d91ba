package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface ChangeOrderStatusUseCase {
    Order changeStatus(OrderId id, ExpectedVersion expectedVersion, OrderStatus next);
}
