package dev.tenantcore.shared.adapter.web.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** In-process buckets unless {@code tenantcore.rate-limit.redis-url} names a Redis server to share them through. */
@Factory
@Requires(property = "tenantcore.rate-limit.enabled", notEquals = "false")
final class RateLimitFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Buckets buckets(RateLimitConfiguration configuration) {
        var local = new LocalBuckets(TimeMeter.SYSTEM_NANOTIME);
        var url = configuration.getRedisUrl();
        return url == null || url.isBlank()
                ? local
                : new RedisBuckets(url.strip(), configuration.getRedisKeyPrefix(), configuration.getRedisTimeout(), local);
    }
}
