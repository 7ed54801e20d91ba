package dev.tenantcore.catalog.adapter.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hits and misses of the product cache ({@code tenantcore.catalog.product.cache.requests{result,store}}: the hit
 * ratio is hits over both), and the times Redis failed and the database answered instead
 * ({@code tenantcore.catalog.product.cache.errors}).
 */
final class ProductCacheMetrics {
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;

    ProductCacheMetrics(MeterRegistry registry, String store) {
        hits = Counter.builder("tenantcore.catalog.product.cache.requests").tag("result", "hit").tag("store", store)
                .description("Product reads by id, by whether the cache had the product").register(registry);
        misses = Counter.builder("tenantcore.catalog.product.cache.requests").tag("result", "miss")
                .tag("store", store).description("Product reads by id, by whether the cache had the product")
                .register(registry);
        errors = Counter.builder("tenantcore.catalog.product.cache.errors").tag("store", store)
                .description("Cache operations that failed (Redis unreachable or slow); the database answered")
                .register(registry);
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void error() {
        errors.increment();
    }

    double hits() {
        return hits.count();
    }

    double misses() {
        return misses.count();
    }

    double errors() {
        return errors.count();
    }
}
