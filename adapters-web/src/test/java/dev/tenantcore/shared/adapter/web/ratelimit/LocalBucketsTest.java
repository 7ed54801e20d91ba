package dev.tenantcore.shared.adapter.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketsTest {
    private static final Quota THREE_A_MINUTE = new Quota("credential", 3, Duration.ofMinutes(1));

    /** A clock the test moves by hand: no test here waits for real time. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final LocalBuckets buckets = new LocalBuckets(time);

    @Test
    void letsTheCapacityThroughThenRefusesWithTheTimeToTheNextToken() {
        for (var remaining = 2; remaining >= 0; remaining--) {
            var probe = buckets.consume("k", THREE_A_MINUTE);
            assertThat(probe.isConsumed()).isTrue();
            assertThat(probe.getRemainingTokens()).isEqualTo(remaining);
        }

        var refused = buckets.consume("k", THREE_A_MINUTE);

        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getNanosToWaitForRefill()).isEqualTo(Duration.ofSeconds(20).toNanos());
    }

    @Test
    void refillsEvenlyOverThePeriod() {
        for (var i = 0; i < 3; i++) {
            buckets.consume("k", THREE_A_MINUTE);
        }

        time.nanos += Duration.ofSeconds(20).toNanos() - 1;
        assertThat(buckets.consume("k", THREE_A_MINUTE).isConsumed()).isFalse();
        time.nanos += 1;
        assertThat(buckets.consume("k", THREE_A_MINUTE).isConsumed()).isTrue();
    }

    @Test
    void keysAreIndependent() {
        for (var i = 0; i < 3; i++) {
            buckets.consume("a", THREE_A_MINUTE);
        }

        assertThat(buckets.consume("a", THREE_A_MINUTE).isConsumed()).isFalse();
        assertThat(buckets.consume("b", THREE_A_MINUTE).isConsumed()).isTrue();
    }

    @Test
    void forgetsIdleBucketsFirstWhenOverItsBound() {
        var bounded = new LocalBuckets(time, 10);
        for (var i = 0; i < 3; i++) {
            bounded.consume("busy", THREE_A_MINUTE);
        }
        for (var i = 0; i < 9; i++) {
            bounded.consume("sprayed-" + i, THREE_A_MINUTE);
        }
        time.nanos += Duration.ofSeconds(30).toNanos(); // the sprayed buckets are full again, the busy one half

        bounded.consume("one-more", THREE_A_MINUTE);

        assertThat(bounded.trackedEntries()).isLessThanOrEqualTo(10);
        assertThat(bounded.consume("busy", THREE_A_MINUTE).getRemainingTokens()).as("remembered, not made anew")
                .isZero();
    }

    @Test
    void forgetsEverythingRatherThanGrowWhenNothingIsIdle() {
        var bounded = new LocalBuckets(time, 10);
        for (var i = 0; i < 1_000; i++) {
            bounded.consume("sprayed-" + i, THREE_A_MINUTE);
            assertThat(bounded.trackedEntries()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aQuotaRefusesNonsense() {
        assertThatThrownBy(() -> new Quota("credential", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new Quota("credential", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void aQuotaIsWrittenAsTheDraftsPolicyItem() {
        assertThat(new Quota("organization", 3_000, Duration.ofMinutes(1)).policyItem())
                .isEqualTo("\"organization\";q=3000;w=60");
        assertThat(new Quota("address", 5, Duration.ofMillis(1_500)).policyItem()).isEqualTo("\"address\";q=5;w=2");
    }
}
