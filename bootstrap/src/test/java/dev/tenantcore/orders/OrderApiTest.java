package dev.tenantcore.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OrderApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    private String product(Tenant owner, String sku, long price, String currency, int stock) {
        var created = api.post("/v1/products", """
                {"sku":"%s","name":"Product %s","priceMinor":%d,"currency":"%s","stock":%d}"""
                .formatted(sku, sku, price, currency, stock), owner.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private int stock(String productId) {
        return ((Number) api.get("/v1/products/" + productId, tenant.auth()).json().get("stock")).intValue();
    }

    private static String order(String... productAndQuantity) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add("{\"productId\":\"%s\",\"quantity\":%s}".formatted(productAndQuantity[i],
                    productAndQuantity[i + 1]));
        }
        return "{\"customerEmail\":\"ada@example.com\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    @Test
    void anOrderKeepsThePricesOfItsMomentAndTheServersTotal() {
        var shirt = product(tenant, "SHIRT", 2499, "EUR", 10);
        var cap = product(tenant, "CAP", 1000, "EUR", 10);

        var placed = api.post("/v1/orders", order(shirt, "2", cap, "1"), tenant.auth());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.header("Location")).isEqualTo("/v1/orders/" + placed.string("id"));
        assertThat(placed.header("ETag")).isEqualTo("\"1\"");
        assertThat(placed.json()).containsEntry("status", "pending").containsEntry("currency", "EUR")
                .containsEntry("totalMinor", 5998).containsEntry("customerEmail", "ada@example.com");
        @SuppressWarnings("unchecked")
        var lines = (List<Map<String, Object>>) placed.json().get("lines");
        assertThat(lines).extracting(line -> line.get("productId"), line -> line.get("unitPriceMinor"),
                line -> line.get("totalMinor")).containsExactly(tuple(shirt, 2499, 4998), tuple(cap, 1000, 1000));
        assertThat(stock(shirt)).isEqualTo(8);

        api.patch("/v1/products/" + shirt, "{\"priceMinor\":9999}", tenant.auth());
        var again = api.get("/v1/orders/" + placed.string("id"), tenant.auth());
        assertThat(again.json()).containsEntry("totalMinor", 5998);
        assertThat(api.get("/v1/orders?status=pending", tenant.auth()).items()).hasSize(1);
        assertThat(api.get("/v1/orders?status=shipped", tenant.auth()).items()).isEmpty();
    }

    @Test
    void theStatusMovesOnlyForwardAndCancellingReturnsTheStock() {
        var mug = product(tenant, "MUG", 800, "EUR", 5);
        var id = api.post("/v1/orders", order(mug, "3"), tenant.auth()).string("id");
        var path = "/v1/orders/" + id;
        assertThat(stock(mug)).isEqualTo(2);

        var skipping = api.patch(path, "{\"status\":\"delivered\"}", tenant.auth());
        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.body()).contains("the order is pending");
        assertThat(api.patch(path, "{\"status\":\"confirmed\"}", tenant.auth("If-Match", "\"9\"")).status())
                .isEqualTo(412);
        assertThat(api.patch(path, "{\"status\":\"confirmed\"}", tenant.auth("If-Match", "\"1\"")).json())
                .containsEntry("status", "confirmed");
        assertThat(api.patch(path, "{\"status\":\"cancelled\"}", tenant.auth()).json())
                .containsEntry("status", "cancelled");
        assertThat(stock(mug)).as("the cancelled order's stock returned").isEqualTo(5);
        var reopened = api.patch(path, "{\"status\":\"confirmed\"}", tenant.auth());
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.body()).contains("the order is cancelled");
        assertThat(api.delete(path, tenant.auth()).status()).isEqualTo(204);
        assertThat(stock(mug)).as("a cancelled order gave its stock back once").isEqualTo(5);

        var shipped = api.post("/v1/orders", order(mug, "1"), tenant.auth()).string("id");
        api.patch("/v1/orders/" + shipped, "{\"status\":\"confirmed\"}", tenant.auth());
        api.patch("/v1/orders/" + shipped, "{\"status\":\"shipped\"}", tenant.auth());
        var late = api.patch("/v1/orders/" + shipped, "{\"status\":\"cancelled\"}", tenant.auth());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("the order is shipped");
        assertThat(api.delete("/v1/orders/" + shipped, tenant.auth()).status()).isEqualTo(409);
        assertThat(api.patch("/v1/orders/" + shipped, "{\"status\":\"delivered\"}", tenant.auth()).json())
                .containsEntry("status", "delivered");
        assertThat(stock(mug)).isEqualTo(4);

        var pending = api.post("/v1/orders", order(mug, "4"), tenant.auth()).string("id");
        assertThat(stock(mug)).isZero();
        assertThat(api.delete("/v1/orders/" + pending, tenant.auth()).status()).isEqualTo(204);
        assertThat(stock(mug)).as("deleting a pending order returns its stock").isEqualTo(4);
    }

    @Test
    void badLinesAreRefusedAndTakeNoStock() throws SQLException {
        var euro = product(tenant, "EURO", 100, "EUR", 5);
        var dollar = product(tenant, "DOLLAR", 100, "USD", 5);
        var archived = product(tenant, "OLD", 100, "EUR", 5);
        api.patch("/v1/products/" + archived, "{\"status\":\"archived\"}", tenant.auth());
        var theirs = product(signUp(), "THEIRS", 100, "EUR", 5);
        var before = ordersInDatabase();

        var mixed = api.post("/v1/orders", order(euro, "1", dollar, "1"), tenant.auth());
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.body()).contains("currency");
        var foreign = api.post("/v1/orders", order(euro, "1", theirs, "1"), tenant.auth());
        var random = api.post("/v1/orders", order(euro, "1", UUID.randomUUID().toString(), "1"), tenant.auth());
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).as("another organization's product is no product at all")
                .isEqualTo(random.body());
        assertThat(api.post("/v1/orders", order(archived, "1"), tenant.auth()).body()).isEqualTo(
                api.post("/v1/orders", order(UUID.randomUUID().toString(), "1"), tenant.auth()).body());
        for (var body : new String[] {order(euro, "0"), order(euro, "-2"), order(euro, "1.5"), order(),
                order(euro, "1", euro, "1"), "{\"lines\":[{\"productId\":\"" + euro + "\",\"quantity\":1}]}",
                order(euro, "1").replace("\"customerEmail\":\"ada@example.com\"",
                        "\"customerEmail\":\"ada@example.com\",\"customerUserId\":\"" + UUID.randomUUID() + "\""),
                order(euro, "1").replace("ada@example.com", "not an address"), order("not-a-uuid", "1")}) {
            var refused = api.post("/v1/orders", body, tenant.auth());
            assertThat(refused.status()).as(body + " -> " + refused).isIn(400, 422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        var tooMany = api.post("/v1/orders", order(euro, "6"), tenant.auth());
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("not enough stock");

        assertThat(stock(euro)).isEqualTo(5);
        assertThat(stock(dollar)).isEqualTo(5);
        assertThat(ordersInDatabase()).isEqualTo(before);
    }

    /**
     * 50 orders at once for the last 5 units: exactly 5 are placed, the other 45 are 409 problems, and the stock
     * ends at 0 (the CHECK would refuse a negative one, but the conditional UPDATE never tries).
     */
    @Test
    void fiftyConcurrentOrdersForTheLastFiveUnitsPlaceExactlyFive() throws Exception {
        var last = product(tenant, "LAST", 100, "EUR", 5);
        var start = new CountDownLatch(1);
        var client = new ApiClient(server.getURI(), jsonMapper);
        var statuses = new ArrayList<Integer>();
        try (var threads = Executors.newFixedThreadPool(50)) {
            var placing = new ArrayList<Future<ApiClient.Response>>();
            for (int i = 0; i < 50; i++) {
                placing.add(threads.submit((Callable<ApiClient.Response>) () -> {
                    start.await();
                    return client.post("/v1/orders", order(last, "1"), tenant.auth());
                }));
            }
            start.countDown();
            for (var order : placing) {
                var response = order.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(response.body()).contains("not enough stock");
                }
            }
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(45);
        assertThat(stock(last)).isZero();
        assertThat(api.get("/v1/orders?limit=100", tenant.auth()).items()).hasSize(5);
    }

    private int ordersInDatabase() throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement("SELECT count(*) FROM orders WHERE organization_id = ?")) {
            query.setObject(1, tenant.organizationId());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
