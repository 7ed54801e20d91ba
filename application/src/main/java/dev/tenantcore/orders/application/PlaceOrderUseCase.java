package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.Order;

public interface PlaceOrderUseCase {
    Order place(PlaceOrderCommand command);
}
