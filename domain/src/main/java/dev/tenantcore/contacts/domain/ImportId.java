package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

/** An import of contacts from a file, within its organization. */
public record ImportId(UUID value) {
    public ImportId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportId generate() {
        return new ImportId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
