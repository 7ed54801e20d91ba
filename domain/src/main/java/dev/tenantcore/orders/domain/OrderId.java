package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {
    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId generate() {
        return new OrderId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
