package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the service offers besides the API: health, the OpenAPI document and its browsable UI. */
@MicronautTest(transactional = false)
class ServiceSurfaceTest extends ServiceTest {

    @Test
    void anonymousHealthSaysUpAndNothingMore() {
        var health = api.get("/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        assertThat(health.json().get("details")).isNull();
        assertThat(health.body()).doesNotContain("jdbc").doesNotContain("PostgreSQL").doesNotContain("version");
        assertThat(api.get("/prometheus").status()).as("metrics only on the management port").isEqualTo(404);
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
