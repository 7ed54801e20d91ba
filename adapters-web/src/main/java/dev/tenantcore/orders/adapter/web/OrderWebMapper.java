package dev.tenantcore.orders.adapter.web;

import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Locale;
import java.util.UUID;

/** Orders to their API form: a whitelist of fields. */
final class OrderWebMapper {
    private OrderWebMapper() {
    }

    static OrderResponse toResponse(Order order) {
        UUID userId = order.customer() instanceof Customer.Member(var id) ? id : null;
        UUID contactId = order.customer() instanceof Customer.Contact(var id) ? id : null;
        String email = order.customer() instanceof Customer.Email(var address) ? address : null;
        return new OrderResponse(order.id().value(), userId, contactId, email, order.currency(), order.totalMinor(),
                status(order.status()), order.lines().stream().map(line -> new OrderResponse.Line(
                        line.productId().value(), line.quantity(), line.unitPriceMinor(), line.totalMinor()))
                        .toList(), order.createdAt(), order.updatedAt());
    }

    static String status(OrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static OrderStatus status(String status) {
        try {
            return OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvariantViolationException("status", "status must be pending, confirmed, shipped, delivered "
                    + "or cancelled");
        }
    }
}
