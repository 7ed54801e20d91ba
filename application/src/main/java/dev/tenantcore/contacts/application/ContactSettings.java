package dev.tenantcore.contacts.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a deleted contact stays in the trash, listed and restorable, before the purge may remove it for good
 * ({@code tenantcore.contacts.trash-retention}), and how often each organization's trash is purged
 * ({@code tenantcore.contacts.purge-interval}).
 */
public record ContactSettings(Duration trashRetention, Duration purgeInterval) {
    public ContactSettings {
        Objects.requireNonNull(trashRetention, "trashRetention");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (trashRetention.isNegative() || trashRetention.isZero()) {
            throw new IllegalArgumentException("the trash retention must be positive");
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("the purge interval must be positive");
        }
    }
}
