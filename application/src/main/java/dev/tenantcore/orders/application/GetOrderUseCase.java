package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;

public interface GetOrderUseCase {
    Order get(OrderId id);
}
