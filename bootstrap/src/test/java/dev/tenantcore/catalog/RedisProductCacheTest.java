package dev.tenantcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The product cache on Redis (127.0.0.1:6379), shared by two service processes on one database: what one writes,
 * the other reads at once. And a third process whose Redis is a closed port: it answers from the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisProductCacheTest {
    /** This run's own keys, so that runs on one Redis never meet. */
    private final String keyPrefix = "test-" + UUID.randomUUID() + ":";
    private final List<ApplicationContext> services = new ArrayList<>();
    ApplicationContext a;
    ApplicationContext b;
    ApiClient apiA;
    ApiClient apiB;
    String[] auth;

    private ApplicationContext service(String redisUrl) {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("tenantcore.redis.url", redisUrl);
        properties.put("tenantcore.product-cache.redis-key-prefix", keyPrefix);
        properties.put("tenantcore.product-cache.redis-timeout", "200ms");
        var service = ApplicationContext.run(properties, "test");
        services.add(service);
        service.getBean(EmbeddedServer.class).start();
        return service;
    }

    private static ApiClient api(ApplicationContext service) {
        return new ApiClient(service.getBean(EmbeddedServer.class).getURI(), service.getBean(JsonMapper.class));
    }

    @BeforeAll
    void start() {
        a = service("redis://127.0.0.1:6379");
        b = service("redis://127.0.0.1:6379");
        apiA = api(a);
        apiB = api(b);
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 18);
        var organization = apiA.post("/v1/organizations", "{\"name\":\"Redis cache\",\"slug\":\"" + slug + "\"}");
        assertThat(organization.status()).as(organization.toString()).isEqualTo(201);
        auth = new String[] {"Authorization", "Bearer " + organization.object("apiKey").get("token")};
    }

    @AfterAll
    void stop() {
        services.forEach(ApplicationContext::close);
    }

    private String product(ApiClient api, String sku) {
        var created = api.post("/v1/products", """
                {"sku":"%s","name":"Shared","priceMinor":100,"currency":"EUR","stock":5}""".formatted(sku), auth);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "/v1/products/" + created.string("id");
    }

    private static double count(ApplicationContext service, String name, Map<String, String> tags) {
        var search = service.getBean(MeterRegistry.class).find(name);
        tags.forEach(search::tag);
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aWriteThroughOneInstanceIsReadThroughTheOtherAtOnce() {
        var path = product(apiA, "SHARED-1");
        assertThat(apiB.get(path, auth).json()).containsEntry("name", "Shared");
        var hitsBefore = count(b, "tenantcore.catalog.product.cache.requests", Map.of("result", "hit"));
        assertThat(apiB.get(path, auth).json()).containsEntry("name", "Shared");
        assertThat(count(b, "tenantcore.catalog.product.cache.requests", Map.of("result", "hit")))
                .as("B's second read came from Redis").isEqualTo(hitsBefore + 1);
        assertThat(count(a, "tenantcore.catalog.product.cache.requests", Map.of("result", "hit", "store", "redis")))
                .isZero();

        assertThat(apiA.patch(path, "{\"name\":\"Changed through A\"}", auth).status()).isEqualTo(200);
        assertThat(apiB.get(path, auth).json()).containsEntry("name", "Changed through A");
        assertThat(apiA.get(path, auth).json()).as("A filled the entry from B's miss").containsEntry("name",
                "Changed through A");

        assertThat(apiB.delete(path, auth).status()).isEqualTo(204);
        assertThat(apiA.get(path, auth).status()).isEqualTo(404);
    }

    @Test
    void withRedisUnreachableReadsComeFromTheDatabaseCountedAsErrors() {
        var down = service("redis://127.0.0.1:1");
        var api = api(down);
        var path = product(api, "DOWN-1");

        var first = api.get(path, auth);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(api.patch(path, "{\"stock\":7}", auth).status()).isEqualTo(200);
        assertThat(api.get(path, auth).json()).containsEntry("stock", 7);
        assertThat(count(down, "tenantcore.catalog.product.cache.errors", Map.of())).isPositive();
    }
}
