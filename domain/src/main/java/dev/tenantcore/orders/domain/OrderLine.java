package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/** One product of an order, with the unit price it had when the order was placed (minor units). */
public record OrderLine(OrderedProductId productId, int quantity, long unitPriceMinor) {
    public static final int MAX_QUANTITY = 1_000_000;

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvariantViolationException("lines", "a line's quantity must be 1 to " + MAX_QUANTITY);
        }
        if (unitPriceMinor < 0) {
            throw new InvariantViolationException("lines", "a line's unit price must be at least 0");
        }
    }

    public long totalMinor() {
        return Math.multiplyExact(unitPriceMinor, quantity);
    }
}
