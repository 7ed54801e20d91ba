package dev.tenantcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProductApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    private String product(String body) {
        var created = api.post("/v1/products", body, tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private static String body(String sku, String name, String description, String attributes) {
        return """
                {"sku":"%s","name":"%s","description":%s,"priceMinor":2499,"currency":"EUR","stock":3,
                 "attributes":%s}""".formatted(sku, name, description == null ? "null" : "\"" + description + "\"",
                attributes);
    }

    @Test
    void createReadUpdateListAndDeleteWithEntityTags() {
        var created = api.post("/v1/products", body("TS-1", "  T-shirt  ", "Cotton", "{\"color\":\"red\"}"),
                tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "sku", "name", "description", "priceMinor", "currency",
                        "stock", "status", "attributes", "createdAt", "updatedAt")
                .containsEntry("name", "T-shirt").containsEntry("priceMinor", 2499).containsEntry("currency", "EUR")
                .containsEntry("stock", 3).containsEntry("status", "active");
        assertThat(created.object("attributes")).containsEntry("color", "red");
        var location = created.header("Location");
        assertThat(location).isEqualTo("/v1/products/" + created.string("id"));

        var stale = api.patch(location, "{\"stock\":10}", tenant.auth("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        var updated = api.patch(location, "{\"stock\":10,\"status\":\"archived\",\"description\":null}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("stock", 10).containsEntry("status", "archived")
                .containsEntry("description", null);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get(location, tenant.auth()).json()).containsEntry("stock", 10);

        assertThat(api.get("/v1/products?status=archived", tenant.auth()).items())
                .extracting(item -> item.get("id")).containsExactly(created.string("id"));
        assertThat(api.get("/v1/products?status=active", tenant.auth()).items()).isEmpty();
        assertThat(api.get(location + "/history", tenant.auth()).status()).isEqualTo(200);

        assertThat(api.delete(location, tenant.auth("If-Match", "\"1\"")).status()).isEqualTo(412);
        assertThat(api.delete(location, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void theSkuIsUniqueInTheOrganizationWhateverItsCase() {
        product(body("Mug-1", "Mug", null, "{}"));

        var again = api.post("/v1/products", body("MUG-1", "Other mug", null, "{}"), tenant.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("sku");
        var elsewhere = api.post("/v1/products", body("MUG-1", "Mug", null, "{}"), signUp().auth());
        assertThat(elsewhere.status()).as("another organization's skus are its own").isEqualTo(201);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        var bad = List.of(
                body(" ", "Blank sku", null, "{}"),
                body("S1", "n".repeat(201), null, "{}"),
                body("S1", "Attributes not an object", null, "[1,2]"),
                body("S1", "Unknown currency", null, "{}").replace("\"EUR\"", "\"XYZ\""),
                body("S1", "Lower-case currency", null, "{}").replace("\"EUR\"", "\"eur\""),
                body("S1", "Negative price", null, "{}").replace("2499", "-1"),
                body("S1", "Negative stock", null, "{}").replace("\"stock\":3", "\"stock\":-1"),
                body("S1", "Fractional price", null, "{}").replace("2499", "24.99"),
                body("S1", "Unknown status", null, "{}").replace("\"stock\":3", "\"stock\":3,\"status\":\"gone\""));
        for (var body : bad) {
            var refused = api.post("/v1/products", body, tenant.auth());
            assertThat(refused.status()).as(body + " -> " + refused).isIn(400, 422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        var id = product(body("S1", "Fine", null, "{}"));
        assertThat(api.patch("/v1/products/" + id, "{\"stock\":-5}", tenant.auth()).status()).isIn(400, 422);
        assertThat(api.patch("/v1/products/" + id, "{\"priceMinor\":null}", tenant.auth()).status()).isEqualTo(422);
        assertThat(api.patch("/v1/products/" + id, "{\"currency\":\"ABC\"}", tenant.auth()).status()).isEqualTo(422);
        assertThat(api.get("/v1/products?limit=100", tenant.auth()).items()).hasSize(1);
        assertThat(api.get("/v1/products/" + id, tenant.auth()).json()).containsEntry("stock", 3)
                .containsEntry("currency", "EUR").containsEntry("priceMinor", 2499);
    }

    @Test
    void searchRanksANameMatchAboveADescriptionMatchAndPagesByRankAndId() {
        var inDescription = product(body("D1", "Travel mug", "Keeps your espresso warm", "{}"));
        var inName = product(body("N1", "Espresso cup", "Porcelain", "{}"));
        var unrelated = product(body("U1", "Teapot", "Cast iron", "{}"));
        var plural = product(body("N2", "Espressos sampler", null, "{}"));

        var found = api.get("/v1/products?q=espresso", tenant.auth());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        var ids = found.items().stream().map(item -> item.get("id").toString()).toList();
        assertThat(ids).containsExactlyInAnyOrder(inName, plural, inDescription).doesNotContain(unrelated);
        assertThat(ids.getLast()).as("a match in the description ranks below matches in the name")
                .isEqualTo(inDescription);

        var paged = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get("/v1/products?q=espresso&limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    tenant.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> paged.add(item.get("id").toString()));
            cursor = page.string("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(ids);

        var listCursor = api.get("/v1/products?limit=1", tenant.auth()).string("nextCursor");
        assertThat(api.get("/v1/products?q=espresso&cursor=" + listCursor, tenant.auth()).status())
                .as("a list's cursor does not continue a search").isEqualTo(422);
    }

    @Test
    void attributeFiltersMatchKeyAndValueAsDataNeverAsSql() {
        var red = product(body("R1", "Red shirt", null, "{\"color\":\"red\",\"size\":\"M\"}"));
        var blue = product(body("B1", "Blue shirt", null, "{\"color\":\"blue\",\"size\":\"M\"}"));
        product(body("R2", "Red cap", null, "{\"color\":\"red\",\"size\":\"S\"}"));

        assertThat(ids("/v1/products?attributes.color=red&attributes.size=M")).containsExactly(red);
        assertThat(ids("/v1/products?attributes.size=M")).containsExactlyInAnyOrder(red, blue);
        assertThat(ids("/v1/products?q=shirt&attributes.color=blue")).containsExactly(blue);
        for (var hostile : List.of("red' OR '1'='1", "red\"}') OR true --", "%")) {
            var response = api.get("/v1/products?attributes.color=" + URLEncoder.encode(hostile,
                    StandardCharsets.UTF_8), tenant.auth());
            assertThat(response.status()).as(hostile).isEqualTo(200);
            assertThat(response.items()).as(hostile).isEmpty();
        }
        var hostileKey = api.get("/v1/products?" + URLEncoder.encode("attributes.color') OR true --",
                StandardCharsets.UTF_8) + "=red", tenant.auth());
        assertThat(hostileKey.status()).isEqualTo(200);
        assertThat(hostileKey.items()).isEmpty();
    }

    private List<String> ids(String path) {
        var response = api.get(path, tenant.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.items().stream().map(item -> item.get("id").toString()).toList();
    }
}
