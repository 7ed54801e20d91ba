package dev.tenantcore.__context__.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record __Entity__Id(UUID value) {
    public __Entity__Id {
        Objects.requireNonNull(value, "value");
    }

    public static __Entity__Id generate() {
        return new __Entity__Id(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
