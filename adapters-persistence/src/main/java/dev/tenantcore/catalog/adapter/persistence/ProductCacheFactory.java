package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.application.ProductCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The product cache: in this process (Caffeine) unless {@code tenantcore.redis.url} ({@code TENANTCORE_REDIS_URL})
 * names a Redis server, which every instance then shares. README: "Product cache".
 */
@Factory
final class ProductCacheFactory {
    private RedisProductCache redis;

    @Singleton
    ProductCache productCache(@Nullable MeterRegistry registry,
            @Value("${tenantcore.redis.url:}") String redisUrl,
            @Value("${tenantcore.product-cache.redis-key-prefix:tenantcore:}") String keyPrefix,
            @Value("${tenantcore.product-cache.ttl:5m}") Duration ttl,
            @Value("${tenantcore.product-cache.maximum-size:10000}") long maximumSize,
            @Value("${tenantcore.product-cache.redis-timeout:250ms}") Duration timeout) {
        var meters = registry == null ? new SimpleMeterRegistry() : registry;
        if (redisUrl == null || redisUrl.isBlank()) {
            return new CaffeineProductCache(ttl, maximumSize, new ProductCacheMetrics(meters, "caffeine"));
        }
        redis = new RedisProductCache(redisUrl.strip(), keyPrefix, ttl, timeout,
                new ProductCacheMetrics(meters, "redis"));
        return redis;
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
