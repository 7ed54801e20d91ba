package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.application.ProductCache;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.OrganizationId;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Products in Redis, shared by every instance: a write through one instance forgets the entry for all of them.
 * Beside each entry, a generation counter that every invalidation increments (in one script with the deletion);
 * a fill is a script that writes only if the generation is still the one read at the miss, so a load that raced a
 * write on another instance cannot put the old row back.
 *
 * <p>Redis is an optimisation, never a dependency: while it is unreachable or slower than the timeout, reads go to
 * the database, with a WARN at most once a minute and the errors metric; the connection is retried in the
 * background. An invalidation lost that way leaves an entry until its TTL: keep the TTL short where that matters.
 */
final class RedisProductCache implements ProductCache {
    private static final System.Logger LOG = System.getLogger(RedisProductCache.class.getName());
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long RECONNECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final String FILL = """
            if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            end
            return 0""";
    private static final String INVALIDATE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return 0""";

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration ttl;
    private final ProductCacheMetrics metrics;
    private final AtomicReference<StatefulRedisConnection<String, byte[]>> connection = new AtomicReference<>();
    private final AtomicLong nextConnectAt = new AtomicLong(System.nanoTime());
    private final AtomicLong nextWarnAt = new AtomicLong(System.nanoTime());

    RedisProductCache(String url, String keyPrefix, Duration ttl, Duration timeout, ProductCacheMetrics metrics) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.metrics = metrics;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    @Override
    public Optional<Product> get(OrganizationId organizationId, ProductId id, Supplier<Optional<Product>> load) {
        var key = new ProductCacheKey(organizationId, id).redisKey(keyPrefix);
        var generation = key + ":generation";
        var redis = connected();
        String seen = null;
        if (redis != null) {
            try {
                var values = redis.sync().mget(key, generation);
                var cached = values.get(0).hasValue() ? ProductCodec.decode(values.get(0).getValue()) : null;
                if (cached != null && cached.organizationId().equals(organizationId) && cached.id().equals(id)) {
                    metrics.hit();
                    return Optional.of(cached);
                }
                seen = values.get(1).hasValue() ? new String(values.get(1).getValue(), StandardCharsets.US_ASCII) : "0";
            } catch (RuntimeException e) {
                failed("Redis did not answer the product cache ({0}); reading the database meanwhile", e);
            }
        }
        metrics.miss();
        var loaded = load.get();
        if (seen != null && loaded.isPresent() && ttl.toMillis() > 0) {
            try {
                redis.sync().eval(FILL, ScriptOutputType.INTEGER, new String[] {key, generation},
                        ascii(seen), ProductCodec.encode(loaded.get()), ascii(Long.toString(ttl.toMillis())));
            } catch (RuntimeException e) {
                failed("Redis did not answer the product cache ({0}); reading the database meanwhile", e);
            }
        }
        return loaded;
    }

    @Override
    public void invalidate(OrganizationId organizationId, ProductId id) {
        var key = new ProductCacheKey(organizationId, id).redisKey(keyPrefix);
        var redis = connected();
        if (redis == null) {
            metrics.error();
            return;
        }
        try {
            // The generation outlives every entry it guards.
            redis.sync().eval(INVALIDATE, ScriptOutputType.INTEGER, new String[] {key, key + ":generation"},
                    ascii(Long.toString(ttl.toMillis() * 2 + 60_000)));
        } catch (RuntimeException e) {
            failed("could not forget a product in Redis ({0}); the entry stays until its TTL", e);
        }
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    /** The connection, or null while there is none: a new attempt at most every few seconds. */
    private StatefulRedisConnection<String, byte[]> connected() {
        var current = connection.get();
        if (current != null) {
            return current;
        }
        var now = System.nanoTime();
        var next = nextConnectAt.get();
        if (now - next < 0 || !nextConnectAt.compareAndSet(next, now + RECONNECT_EVERY_NANOS)) {
            metrics.error();
            return null;
        }
        try {
            var opened = client.connect(CODEC, uri);
            if (!connection.compareAndSet(null, opened)) {
                opened.closeAsync();
            }
            return connection.get();
        } catch (RuntimeException e) {
            failed("cannot connect the product cache to Redis ({0}); reading the database meanwhile", e);
            return null;
        }
    }

    /** The cause's class only: a message may carry the URL, and the URL a password. */
    private void failed(String message, Throwable cause) {
        metrics.error();
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

    void close() {
        var current = connection.getAndSet(null);
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
