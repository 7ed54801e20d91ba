package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record DepartmentId(UUID value) {
    public DepartmentId {
        Objects.requireNonNull(value, "value");
    }

    public static DepartmentId generate() {
        return new DepartmentId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
