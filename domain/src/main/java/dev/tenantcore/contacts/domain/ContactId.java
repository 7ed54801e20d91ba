package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record ContactId(UUID value) {
    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactId generate() {
        return new ContactId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
