package dev.tenantcore.shared.adapter.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Buckets in Redis, shared by every instance of the service, through Bucket4j's compare-and-swap on Lettuce. Nothing
 * blocks a thread: a request's buckets are asked concurrently and the filter continues when they answer.
 *
 * <p>Redis is an optimisation of accuracy, never a dependency: while it is unreachable (not yet connected, down, or
 * slower than {@code tenantcore.rate-limit.redis-timeout}) every answer comes from the in-process buckets, with a
 * WARN at most once a minute, and the connection is retried in the background. Commands are refused at once while
 * disconnected rather than queued, so an outage costs no waiting.
 */
final class RedisBuckets implements Buckets {
    private static final System.Logger LOG = System.getLogger(RedisBuckets.class.getName());
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long RECONNECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Idle buckets leave Redis once they would be full again, and at most after this. */
    private static final Duration MAX_IDLE = Duration.ofHours(1);

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration timeout;
    private final LocalBuckets fallback;
    private final AtomicReference<Connected> connected = new AtomicReference<>();
    private final AtomicLong nextConnectAt = new AtomicLong(System.nanoTime());
    private final AtomicLong nextWarnAt = new AtomicLong(System.nanoTime());

    private record Connected(StatefulRedisConnection<byte[], byte[]> connection, AsyncProxyManager<byte[]> buckets) {
    }

    RedisBuckets(String url, String keyPrefix, Duration timeout, LocalBuckets fallback) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.fallback = fallback;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        // At start-up only, wait for the first connection (at most the timeout), so that the first requests are
        // counted where all later ones will be; after that, connecting never delays a request.
        try {
            connect().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // connect() has warned, or will; requests are counted in this process until it succeeds.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Quota quota) {
        var current = connected.get();
        if (current == null) {
            connectInBackground();
            return fallback.tryConsume(key, quota);
        }
        CompletableFuture<ConsumptionProbe> remote;
        try {
            remote = current.buckets().builder()
                    .build((keyPrefix + key).getBytes(StandardCharsets.UTF_8),
                            () -> CompletableFuture.completedFuture(quota.bucket()))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return degraded(e, key, quota);
        }
        return remote.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(e -> degraded(e, key, quota));
    }

    private CompletableFuture<ConsumptionProbe> degraded(Throwable cause, String key, Quota quota) {
        warn("Redis did not answer the rate limiter ({0}); counting in this process meanwhile", cause);
        return fallback.tryConsume(key, quota);
    }

    /** Non-blocking, and at most one attempt every few seconds however many requests arrive meanwhile. */
    private void connectInBackground() {
        var now = System.nanoTime();
        var next = nextConnectAt.get();
        if (now - next >= 0 && nextConnectAt.compareAndSet(next, now + RECONNECT_EVERY_NANOS)) {
            connect();
        }
    }

    private CompletableFuture<?> connect() {
        var connecting = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
        return connecting.whenComplete((connection, failure) -> {
            if (failure != null) {
                warn("cannot connect the rate limiter to Redis ({0}); counting in this process meanwhile", failure);
                return;
            }
            var buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MAX_IDLE))
                    .build()
                    .asAsync();
            if (!connected.compareAndSet(null, new Connected(connection, buckets))) {
                connection.closeAsync();
            }
        });
    }

    /** The cause's class only: a message may carry the URL, and the URL a password. */
    private void warn(String message, Throwable cause) {
        var now = System.nanoTime();
        var next = nextWarnAt.get();
        if (now - next >= 0 && nextWarnAt.compareAndSet(next, now + WARN_EVERY_NANOS)) {
            var root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.log(System.Logger.Level.WARNING, message, root.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        var current = connected.getAndSet(null);
        if (current != null) {
            current.connection().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
