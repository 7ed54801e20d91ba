package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record RoleId(UUID value) {
    public RoleId {
        Objects.requireNonNull(value, "role id");
    }

    public static RoleId generate() {
        return new RoleId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
