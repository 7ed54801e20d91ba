package dev.tenantcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The products' search and attribute filter beyond HttpTenantIsolationTest's probes: two organizations with
 * look-alike catalogs. Every page holds exactly the caller's matching rows, as the database (read as a superuser)
 * has them; the other organization's identical products never appear. Orders: OrderApiTest shows that another
 * organization's product in a line is answered like an id that does not exist.
 */
@MicronautTest(transactional = false)
class ProductIsolationTest extends ServiceTest {
    Tenant a;
    Tenant b;

    @BeforeAll
    void seedLookAlikes() {
        api = new ApiClient(server.getURI(), jsonMapper);
        a = signUp();
        b = signUp();
        for (var tenant : List.of(a, b)) {
            int i = 0;
            for (var name : List.of("Red espresso cup", "Espresso machine", "Blue espresso cup", "Teapot")) {
                var created = api.post("/v1/products", """
                        {"sku":"S%d","name":"%s","description":"for espresso lovers","priceMinor":100,
                         "currency":"EUR","attributes":{"color":"%s"}}""".formatted(i++, name,
                        name.startsWith("Blue") ? "blue" : "red"), tenant.auth());
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
        }
    }

    private List<String> allPages(String path, Tenant tenant) {
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get(cursor == null ? path : path + "&cursor=" + cursor, tenant.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> seen.add(item.get("id").toString()));
            cursor = page.string("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void searchAndFiltersHoldExactlyTheCallersRowsOnEveryPage() throws SQLException {
        var searched = allPages("/v1/products?limit=1&q=espresso", a);
        var filtered = allPages("/v1/products?limit=1&attributes.color=red", a);
        var both = allPages("/v1/products?limit=1&q=cup&attributes.color=red", b);

        assertThat(searched).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                inDatabase(a, "search_document @@ websearch_to_tsquery('english', 'espresso')")).hasSize(4);
        assertThat(filtered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                inDatabase(a, "attributes ->> 'color' = 'red'")).hasSize(3);
        assertThat(both).containsExactlyInAnyOrderElementsOf(inDatabase(b,
                "search_document @@ websearch_to_tsquery('english', 'cup') AND attributes ->> 'color' = 'red'"))
                .hasSize(1);
    }

    private static Set<String> inDatabase(Tenant owner, String condition) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(
                "SELECT id FROM products WHERE organization_id = ? AND " + condition)) {
            query.setObject(1, owner.organizationId());
            var ids = new HashSet<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
