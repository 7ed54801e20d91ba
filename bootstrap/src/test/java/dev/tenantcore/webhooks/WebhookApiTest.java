package dev.tenantcore.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WebhookApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void createReadUpdateListAndDelete() {
        var created = api.post("/v1/webhooks", "{\"name\":\"  First  \",\"description\":\"About it\"}",
                tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "name", "description", "createdAt", "updatedAt")
                .containsEntry("name", "First").containsEntry("description", "About it");
        var location = created.header("Location");
        assertThat(location).isEqualTo("/v1/webhooks/" + created.string("id"));

        var updated = api.patch(location, "{\"description\":null}", tenant.auth());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("name", "First").containsEntry("description", null);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        var listed = api.get("/v1/webhooks", tenant.auth());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.items()).extracting(item -> item.get("id")).containsExactly(created.string("id"));

        var history = api.get(location + "/history", tenant.auth());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);

        assertThat(api.delete(location, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var blank = api.post("/v1/webhooks", "{\"name\":\" \"}", tenant.auth());
        assertThat(blank.status()).isIn(400, 422);
        assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blank.body()).contains("name");
    }
}
