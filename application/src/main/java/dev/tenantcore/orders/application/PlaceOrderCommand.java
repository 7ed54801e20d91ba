package dev.tenantcore.orders.application;

import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.OrderedProductId;
import java.util.List;
import java.util.Objects;

/** A new order: who for, and how many of which products; prices and the total are the server's. */
public record PlaceOrderCommand(Customer customer, List<Line> lines) {
    public PlaceOrderCommand {
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }

    public record Line(OrderedProductId productId, int quantity) {
        public Line {
            Objects.requireNonNull(productId, "productId");
        }
    }
}
