package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the service offers besides the API: health, the OpenAPI document and its browsable UI. */
@MicronautTest(transactional = false)
class ServiceSurfaceTest extends ServiceTest {

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheDatabaseAndTheMigrations() {
        var health = api.get("/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
        var details = (Map<String, Object>) health.json().get("details");
        assertThat(((Map<String, Object>) details.get("jdbc")).get("status")).isEqualTo("UP");
        var migrations = (Map<String, Object>) details.get("migrations");
        assertThat(migrations.get("status")).isEqualTo("UP");
        assertThat(migrations.get("details").toString()).contains("pendingMigrations=0").contains("currentVersion=");
    }

    @Test
    void servesTheOpenApiDocumentAndItsUi() throws IOException {
        var document = api.get("/swagger/tenantcore-v1.yml");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3").contains("/v1/tasks/{id}").contains("/v1/organizations")
                .contains("bearer");
        // One file: what the service serves is what the build wrote (and what the linters and generators read).
        try (var built = getClass().getResourceAsStream("/META-INF/swagger/tenantcore-v1.yml")) {
            assertThat(built).isNotNull();
            assertThat(document.body()).isEqualTo(new String(built.readAllBytes(), StandardCharsets.UTF_8));
        }

        var ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
