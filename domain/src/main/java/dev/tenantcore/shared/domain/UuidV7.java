package dev.tenantcore.shared.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562, version 7): 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids
 * created in the same millisecond strictly increasing within this process, then 62 random bits. Keyset pagination
 * ("newest first") relies on that order; B-tree inserts stay at the right edge of the index.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_COUNTER = 0xFFF;

    private static long lastMillis = -1;
    private static int counter;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        int sequence;
        synchronized (UuidV7.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                if (counter == MAX_COUNTER) {
                    millis++; // counter exhausted: borrow the next millisecond rather than repeat an id
                    counter = RANDOM.nextInt(0x400);
                } else {
                    counter++;
                }
            } else {
                counter = RANDOM.nextInt(0x400); // random start, leaving room to count up within the millisecond
            }
            lastMillis = millis;
            sequence = counter;
        }
        long mostSignificant = (millis << 16) | 0x7000L | sequence;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The creation instant (millisecond precision) encoded in a version 7 UUID. */
    public static Instant timestampOf(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + uuid);
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }
}
