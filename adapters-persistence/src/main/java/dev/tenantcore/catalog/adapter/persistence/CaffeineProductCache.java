package dev.tenantcore.catalog.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tenantcore.catalog.application.ProductCache;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Products in this process's memory, the default. A load that overlapped an invalidation keeps nothing: the
 * invalidation counts first and removes second, and a fill happens (atomically for its key) only if no
 * invalidation was counted since its load began, so an old row read before a commit never outlives the commit.
 */
final class CaffeineProductCache implements ProductCache {
    private final Cache<ProductCacheKey, Product> entries;
    private final AtomicLong invalidations = new AtomicLong();
    private final ProductCacheMetrics metrics;

    CaffeineProductCache(Duration ttl, long maximumSize, ProductCacheMetrics metrics) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.metrics = metrics;
    }

    @Override
    public Optional<Product> get(OrganizationId organizationId, ProductId id, Supplier<Optional<Product>> load) {
        var key = new ProductCacheKey(organizationId, id);
        var cached = entries.getIfPresent(key);
        if (cached != null) {
            metrics.hit();
            return Optional.of(cached);
        }
        metrics.miss();
        var seen = invalidations.get();
        var loaded = load.get();
        loaded.ifPresent(product -> entries.asMap().compute(key,
                (k, current) -> invalidations.get() == seen ? product : current));
        return loaded;
    }

    @Override
    public void invalidate(OrganizationId organizationId, ProductId id) {
        invalidations.incrementAndGet();
        entries.invalidate(new ProductCacheKey(organizationId, id));
    }
}
