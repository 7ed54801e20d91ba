package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record ProductionId(UUID value) {
    public ProductionId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductionId generate() {
        return new ProductionId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
