package dev.tenantcore.shared.adapter.web.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Buckets in this process: a map lookup and a lock-free update per request. Several instances each count on their
 * own, so each lets through up to the limit.
 *
 * <p>Memory is bounded: past {@code maxEntries} keys (many client networks hitting the public endpoints), the full
 * buckets are dropped (a full bucket is what a new one would be, so forgetting it changes nothing), and if that is
 * not enough, all of them. Forgetting fails open, on purpose: refusing new keys would refuse new clients.
 */
final class LocalBuckets implements Buckets {
    static final int DEFAULT_MAX_ENTRIES = 100_000;
    private static final System.Logger LOG = System.getLogger(LocalBuckets.class.getName());

    private final TimeMeter time;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock housekeeping = new ReentrantLock();

    LocalBuckets(TimeMeter time) {
        this(time, DEFAULT_MAX_ENTRIES);
    }

    LocalBuckets(TimeMeter time, int maxEntries) {
        this.time = Objects.requireNonNull(time, "time");
        this.maxEntries = maxEntries;
    }

    private record Held(Bucket bucket, long capacity) {
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Quota quota) {
        return CompletableFuture.completedFuture(consume(key, quota));
    }

    /** The same, without a future, for callers that want the answer now. */
    ConsumptionProbe consume(String key, Quota quota) {
        var held = buckets.get(key);
        if (held == null) {
            held = buckets.computeIfAbsent(key, ignored -> new Held(newBucket(quota), quota.capacity()));
            if (buckets.size() > maxEntries) {
                keepBounded();
            }
        }
        return held.bucket().tryConsumeAndReturnRemaining(1);
    }

    int trackedEntries() {
        return buckets.size();
    }

    private Bucket newBucket(Quota quota) {
        return Bucket.builder().addLimit(quota.bandwidth()).withCustomTimePrecision(time).build();
    }

    private void keepBounded() {
        if (!housekeeping.tryLock()) {
            return; // another caller is at it
        }
        try {
            buckets.entrySet().removeIf(entry -> entry.getValue().bucket().getAvailableTokens()
                    >= entry.getValue().capacity());
            if (buckets.size() > maxEntries) {
                LOG.log(System.Logger.Level.WARNING,
                        "rate limiter over its bound of {0} keys with none idle: forgetting all", maxEntries);
                buckets.clear();
            }
        } finally {
            housekeeping.unlock();
        }
    }
}
