package dev.tenantcore.orders.domain;

import java.util.Objects;
import java.util.UUID;

/** A catalog product, as an order refers to it: by id only (the catalog owns products). */
public record OrderedProductId(UUID value) implements Comparable<OrderedProductId> {
    public OrderedProductId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(OrderedProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
