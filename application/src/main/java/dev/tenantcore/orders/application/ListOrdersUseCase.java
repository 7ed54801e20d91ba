package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListOrdersUseCase {
    Page<Order> list(OrderStatus statusOrNull, PageRequest<OrderId> page);
}
