package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Health details and metrics are for operators: with a management port they are served there only, never on the
 * port tenants reach. (Without one, the API port's {@code /health} says UP or DOWN and nothing more:
 * ServiceSurfaceTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEndpointsTest {
    private ApplicationContext service;
    private ApiClient api;
    private ApiClient management;

    @BeforeAll
    void start() throws IOException {
        int managementPort;
        try (var socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.putAll(new ManagementEndpoints(managementPort).properties());
        service = ApplicationContext.run(properties, "test");
        var server = service.getBean(EmbeddedServer.class).start();
        var json = service.getBean(JsonMapper.class);
        api = new ApiClient(server.getURI(), json);
        management = new ApiClient(URI.create("http://localhost:" + managementPort), json);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theApiPortServesNoOperatorEndpoints() {
        assertThat(api.get("/health").status()).isEqualTo(404);
        assertThat(api.get("/prometheus").status()).isEqualTo(404);
    }

    @Test
    void theManagementPortShowsHealthDetailsAndMetrics() {
        var health = management.get("/health");
        assertThat(health.status()).isEqualTo(200);
        var details = health.object("details");
        assertThat(details).containsKeys("jdbc", "migrations", "jobs");
        assertThat(details.get("jobs").toString()).contains("status=UP").contains("pending=")
                .contains("oldestPendingAgeSeconds=");
        assertThat(details.get("migrations").toString()).contains("status=UP").contains("pendingMigrations=0");

        api.get("/v1/tasks"); // one request for the HTTP meters (a 401)
        var metrics = management.get("/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .contains("http_server_requests_seconds_bucket{")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("tenantcore_db_transactions_total{outcome=\"committed\"")
                .contains("tenantcore_db_cache_hit_ratio")
                .contains("tenantcore_db_table_size_bytes{table=\"tasks\"")
                .contains("tenantcore_db_audit_partitions")
                .contains("tenantcore_jobs_pending ")
                .contains("tenantcore_jobs_oldest_pending_age_seconds ");
        assertThat(management.get("/v1/tasks").status()).as("the API is not served on the management port")
                .isEqualTo(404);
    }
}
