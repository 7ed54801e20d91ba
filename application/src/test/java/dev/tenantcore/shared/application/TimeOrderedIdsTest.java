package dev.tenantcore.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void comparesMostSignificantBitsUnsignedUnlikeUuidCompareTo() {
        var small = new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L);
        var topBitSet = new UUID(0x8000_0000_0000_7000L, 0x8000_0000_0000_0000L);

        assertThat(small.compareTo(topBitSet)).isPositive(); // the signed order this helper exists to avoid
        assertThat(TimeOrderedIds.compare(small, topBitSet)).isNegative();
    }

    @Test
    void comparesLeastSignificantBitsUnsignedWhenTheMostAreEqual() {
        var lower = new UUID(1L, 0x7FFF_FFFF_FFFF_FFFFL);
        var higher = new UUID(1L, 0x8000_0000_0000_0000L);

        assertThat(lower.compareTo(higher)).isPositive();
        assertThat(TimeOrderedIds.compare(lower, higher)).isNegative();
        assertThat(TimeOrderedIds.compare(higher, lower)).isPositive();
        assertThat(TimeOrderedIds.compare(lower, new UUID(1L, 0x7FFF_FFFF_FFFF_FFFFL))).isZero();
    }
}
