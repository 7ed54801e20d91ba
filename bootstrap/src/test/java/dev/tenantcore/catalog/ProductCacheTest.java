package dev.tenantcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.catalog.application.ProductCache;
import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductRepository;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product cache in its default form, in this process (Caffeine): tenant-safe keys, invalidation after commit. */
@MicronautTest(transactional = false)
class ProductCacheTest extends ServiceTest {
    @Inject
    ProductCache cache;
    @Inject
    ProductRepository products;
    @Inject
    TenantTransactions transactions;
    @Inject
    MeterRegistry meters;

    Tenant tenant;
    String path;

    @BeforeEach
    void aCachedProduct() {
        tenant = signUp();
        var created = api.post("/v1/products", """
                {"sku":"CACHED","name":"Cached","priceMinor":100,"currency":"EUR","stock":5}""", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        path = "/v1/products/" + created.string("id");
        assertThat(api.get(path, tenant.auth()).status()).isEqualTo(200);
    }

    private double hits() {
        return meters.get("tenantcore.catalog.product.cache.requests").tag("result", "hit").counter().count();
    }

    private static Product product(OrganizationId organizationId, ProductId id, String name) {
        return Product.reconstitute(id, organizationId, "SKU", name, null, new Money(1, "EUR"), 1,
                ProductStatus.ACTIVE, ProductAttributes.EMPTY, 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void twoOrganizationsEntriesForOneIdNeverMeet() {
        var id = ProductId.generate();
        var a = OrganizationId.generate();
        var b = OrganizationId.generate();
        var loads = new AtomicInteger();

        cache.get(a, id, () -> Optional.of(product(a, id, "A's")));
        var bs = cache.get(b, id, () -> {
            loads.incrementAndGet();
            return Optional.of(product(b, id, "B's"));
        });
        var as = cache.get(a, id, () -> {
            loads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(loads).as("B's read did not find A's entry; A's did").hasValue(1);
        assertThat(bs).map(Product::name).contains("B's");
        assertThat(as).map(Product::name).contains("A's");
    }

    @Test
    void anotherOrganizationCannotReadACachedProduct() {
        var other = signUp();
        var before = hits();

        var attack = api.get(path, other.auth());
        var control = api.get("/v1/products/" + UUID.randomUUID(), other.auth());

        assertThat(attack.status()).isEqualTo(404);
        assertThat(attack.body()).isEqualTo(control.body());
        assertThat(hits()).as("no entry answered another organization").isEqualTo(before);
    }

    @Test
    void aCachedProductIsStillBehindThePermissionCheck() {
        var role = api.post("/v1/roles", "{\"name\":\"no-catalog-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"permissions\":[\"tasks:read\"]}", tenant.auth());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        var key = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"" + role.string("name") + "\"]}",
                tenant.auth());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        var before = hits();

        var denied = api.get(path, "Authorization", "Bearer " + key.string("token"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(hits()).isEqualTo(before);
    }

    @Test
    void aWriteIsReadBackAtOnceAndARolledBackOneLeavesTheEntry() {
        var organization = new OrganizationId(tenant.organizationId());
        var id = new ProductId(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        var stored = transactions.readLatest(organization, () -> products.findById(organization, id)).orElseThrow();

        assertThatThrownBy(() -> transactions.write(organization, () -> {
            products.update(stored.revised(stored.sku(), "Rolled back", null, stored.price(), 0, stored.status(),
                    stored.attributes())).orElseThrow();
            throw new IllegalStateException("the write fails after the update");
        })).hasMessageContaining("the write fails");
        var before = hits();
        assertThat(api.get(path, tenant.auth()).json()).containsEntry("name", "Cached").containsEntry("stock", 5);
        assertThat(hits()).as("the entry was neither removed nor replaced by the rolled-back write")
                .isEqualTo(before + 1);

        var patched = api.patch(path, "{\"name\":\"Renamed\"}", tenant.auth());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(api.get(path, tenant.auth()).json()).containsEntry("name", "Renamed");
        var order = api.post("/v1/orders", "{\"customerEmail\":\"c@example.com\",\"lines\":[{\"productId\":\""
                + id + "\",\"quantity\":2}]}", tenant.auth());
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(api.get(path, tenant.auth()).json()).as("an order's reservation is seen at once")
                .containsEntry("stock", 3);
        assertThat(api.delete(path, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(path, tenant.auth()).status()).isEqualTo(404);
    }
}
