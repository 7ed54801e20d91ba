package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record ProductId(UUID value) {
    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId generate() {
        return new ProductId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
