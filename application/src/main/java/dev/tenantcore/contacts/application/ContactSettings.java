package dev.tenantcore.contacts.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a deleted contact stays in the trash, listed and restorable, before the purge may remove it for good
 * ({@code tenantcore.contacts.trash-retention}).
 */
public record ContactSettings(Duration trashRetention) {
    public ContactSettings {
        Objects.requireNonNull(trashRetention, "trashRetention");
        if (trashRetention.isNegative() || trashRetention.isZero()) {
            throw new IllegalArgumentException("the trash retention must be positive");
        }
    }
}
