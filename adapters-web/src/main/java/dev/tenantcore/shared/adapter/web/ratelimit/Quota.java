package dev.tenantcore.shared.adapter.web.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;

/**
 * One limit: a token bucket of {@code capacity} requests, refilled evenly over {@code period} (a client that paused
 * may send {@code capacity} at once, then {@code capacity / period} on average).
 *
 * @param name the policy's name in the {@code RateLimit} and {@code RateLimit-Policy} headers, and the bucket keys'
 *             first part
 */
record Quota(String name, long capacity, Duration period) {

    Quota {
        Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException(name + " capacity must be at least 1, was " + capacity);
        }
        Objects.requireNonNull(period, name + " period");
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException(name + " period must be at least 1 ms, was " + period);
        }
    }

    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /** The policy as draft-ietf-httpapi-ratelimit-headers writes it: {@code "credential";q=1200;w=60}. */
    String policyItem() {
        return '"' + name + "\";q=" + capacity + ";w=" + Math.max(1, ceilSeconds(period.toNanos()));
    }

    static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
