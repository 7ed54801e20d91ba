package dev.tenantcore.shared.application;

import java.util.Comparator;
import java.util.UUID;

/**
 * The order the database gives UUIDs: unsigned, byte by byte. {@link UUID#compareTo} compares the halves as signed
 * longs, which puts ids whose top bit is set before all others.
 */
public final class TimeOrderedIds {
    public static final Comparator<UUID> ASCENDING = TimeOrderedIds::compare;

    private TimeOrderedIds() {
    }

    public static int compare(UUID a, UUID b) {
        int most = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
