package dev.tenantcore.orders.domain;

import java.util.Set;

/**
 * pending → confirmed → shipped → delivered; cancelled from pending or confirmed (until it ships). Delivered and
 * cancelled are final.
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, CANCELLED).contains(next);
            case CONFIRMED -> Set.of(SHIPPED, CANCELLED).contains(next);
            case SHIPPED -> next == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    /** Whether the order still holds its stock: until it is cancelled. */
    public boolean holdsStock() {
        return this != CANCELLED;
    }
}
