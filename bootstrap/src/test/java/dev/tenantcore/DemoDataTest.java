package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** TENANTCORE_DEMO_DATA, in small numbers: the demo organization filled through the API, and a second start that
 * finds it and writes nothing. */
class DemoDataTest {
    private final String slug = "demo-" + UUID.randomUUID().toString().substring(0, 8);

    private boolean start() throws ExecutionException, InterruptedException {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("tenantcore.demo-data", "true");
        properties.put("tenantcore.demo.slug", slug);
        properties.put("tenantcore.demo.email", "owner@" + slug + ".example");
        properties.put("tenantcore.demo.products", 12);
        properties.put("tenantcore.demo.orders", 30);
        properties.put("tenantcore.demo.tasks", 3);
        properties.put("tenantcore.demo.contacts", 4);
        try (var service = ApplicationContext.run(properties, "test")) {
            service.getBean(EmbeddedServer.class).start();
            return service.getBean(DemoData.class).done().get();
        }
    }

    @Test
    void fillsTheDemoOrganizationOnceAndItsOwnerCanLogIn() throws Exception {
        assertThat(start()).isTrue();
        var first = counts();
        assertThat(first).containsEntry("products", 12L).containsEntry("tasks", 3L).containsEntry("contacts", 4L)
                .containsEntry("api_keys_live", 0L);
        assertThat(first.get("orders")).isBetween(1L, 30L);
        assertThat(first.get("statuses")).as("orders in several statuses").isGreaterThan(1L);

        assertThat(start()).as("the second start finds the organization").isFalse();
        assertThat(counts()).isEqualTo(first);
    }

    private Map<String, Long> counts() throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            for (var query : Map.of(
                    "products", "SELECT count(*) FROM products WHERE organization_id = ?",
                    "orders", "SELECT count(*) FROM orders WHERE organization_id = ?",
                    "statuses", "SELECT count(DISTINCT status) FROM orders WHERE organization_id = ?",
                    "lines", "SELECT count(*) FROM order_lines WHERE organization_id = ?",
                    "tasks", "SELECT count(*) FROM tasks WHERE organization_id = ?",
                    "contacts", "SELECT count(*) FROM contacts WHERE organization_id = ?",
                    "api_keys_live", "SELECT count(*) FROM api_keys WHERE organization_id = ? AND revoked_at IS NULL")
                    .entrySet()) {
                try (var statement = superuser.prepareStatement(query.getValue())) {
                    statement.setObject(1, organization(superuser));
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(query.getKey(), rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private UUID organization(java.sql.Connection superuser) throws SQLException {
        try (var statement = superuser.prepareStatement("SELECT id FROM organizations WHERE slug = ?")) {
            statement.setString(1, slug);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
