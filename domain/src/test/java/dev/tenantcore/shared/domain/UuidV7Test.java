package dev.tenantcore.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    /** The order PostgreSQL and byte-wise comparisons use; {@link UUID#compareTo} compares signed longs instead. */
    private static final Comparator<UUID> UNSIGNED_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    @Test
    void carriesVersionSevenInTheVersionNibble() {
        UUID uuid = UuidV7.next();

        assertThat(uuid.version()).isEqualTo(7);
        assertThat((uuid.getMostSignificantBits() >>> 12) & 0xF).isEqualTo(7L);
    }

    @Test
    void carriesTheRfcVariantBits() {
        UUID uuid = UuidV7.next();

        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getLeastSignificantBits() >>> 62).isEqualTo(0b10L);
    }

    @Test
    void isStrictlyIncreasingAcrossManyConsecutiveCalls() {
        int calls = 100_000;
        UUID previous = UuidV7.next();
        int firstOutOfOrder = -1;
        UUID offender = null;
        for (int i = 1; i < calls && firstOutOfOrder < 0; i++) {
            UUID current = UuidV7.next();
            if (UNSIGNED_ORDER.compare(current, previous) <= 0) {
                firstOutOfOrder = i;
                offender = current;
            }
            previous = current;
        }

        assertThat(firstOutOfOrder)
                .as("index of the first id not greater than its predecessor (%s)", offender)
                .isEqualTo(-1);
    }

    @Test
    void timestampOfReadsTheMillisecondsFromTheFirst48Bits() {
        Instant instant = Instant.parse("2026-03-14T15:09:26.535Z");
        long mostSignificant = (instant.toEpochMilli() << 16) | 0x7000L | 0xABCL;
        UUID uuid = new UUID(mostSignificant, 0x8000_0000_0000_0001L);

        assertThat(UuidV7.timestampOf(uuid)).isEqualTo(instant);
    }

    @Test
    void timestampOfAFreshIdIsTheCurrentMillisecond() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID uuid = UuidV7.next();
        Instant after = Instant.now();

        // Ids may run slightly ahead of the clock when a millisecond's counter was exhausted by earlier calls in
        // this JVM; the margin only absorbs that borrowing, never a wrong epoch or unit.
        assertThat(UuidV7.timestampOf(uuid)).isBetween(before, after.plusSeconds(1));
    }

    @Test
    void timestampOfRejectsARandomVersionFourUuid() {
        UUID versionFour = UUID.randomUUID();

        assertThatThrownBy(() -> UuidV7.timestampOf(versionFour))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(versionFour.toString());
    }

    @Test
    void timestampOfRejectsANameBasedUuid() {
        UUID versionThree = UUID.nameUUIDFromBytes("tenantcore".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> UuidV7.timestampOf(versionThree)).isInstanceOf(IllegalArgumentException.class);
    }
}
