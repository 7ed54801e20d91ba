package dev.tenantcore.shared.domain;

import java.time.Instant;

/** Guards for instants that clients choose (due dates, expiry times). */
public final class Timestamps {
    /** Years 1 to 9999: ISO-8601 without expansion, and well inside what PostgreSQL's timestamptz can hold. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    /** {@code null} stays {@code null}; anything outside years 1-9999 is refused. */
    public static Instant withinRange(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new InvariantViolationException(field, field + " must be between years 1 and 9999");
        }
        return value;
    }
}
