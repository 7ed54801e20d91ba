package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProductionApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void createReadUpdateListAndDelete() {
        var created = api.post("/v1/productions", """
                {"name": "  The Long Night ", "code": "TLN", "status": "pre_production", "startDate": "2027-03-01",
                 "endDate": "2027-05-28", "metadata": {"network": "Northern Lights TV", "episodes": 6}}""",
                tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "name", "code", "status", "startDate", "endDate", "metadata",
                        "createdAt", "updatedAt")
                .containsEntry("name", "The Long Night").containsEntry("status", "pre_production")
                .containsEntry("startDate", "2027-03-01")
                .containsEntry("metadata", Map.of("network", "Northern Lights TV", "episodes", 6));
        var location = created.header("Location");
        assertThat(location).isEqualTo("/v1/productions/" + created.string("id"));

        var updated = api.patch(location, "{\"status\":\"shooting\",\"endDate\":null,\"metadata\":null}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("status", "shooting").containsEntry("endDate", null)
                .containsEntry("metadata", Map.of()).containsEntry("code", "TLN");
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.patch(location, "{\"name\":\"Stale\"}", tenant.auth("If-Match", "\"1\"")).status())
                .isEqualTo(412);

        var listed = api.get("/v1/productions", tenant.auth());
        assertThat(listed.items()).extracting(item -> item.get("id")).containsExactly(created.string("id"));
        assertThat(api.get(location + "/history", tenant.auth()).status()).isEqualTo(200);

        assertThat(api.delete(location, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void aCodeTakenIgnoringCaseIsAConflict() {
        assertThat(api.post("/v1/productions", "{\"name\":\"One\",\"code\":\"tln\"}", tenant.auth()).status())
                .isEqualTo(201);

        var again = api.post("/v1/productions", "{\"name\":\"Two\",\"code\":\"TLN\"}", tenant.auth());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v1/productions", tenant.auth()).items()).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        for (var body : Map.of(
                "{\"name\":\" \",\"code\":\"X\"}", "name",
                "{\"name\":\"N\"}", "code",
                "{\"name\":\"N\",\"code\":\"X\",\"status\":\"filming\"}", "status",
                "{\"name\":\"N\",\"code\":\"X\",\"startDate\":\"2027-03-01\",\"endDate\":\"2027-02-01\"}", "endDate",
                "{\"name\":\"N\",\"code\":\"X\",\"metadata\":[1,2]}", "metadata").entrySet()) {
            var refused = api.post("/v1/productions", body.getKey(), tenant.auth());
            assertThat(refused.status()).as(body.getKey()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).as(body.getKey()).contains(body.getValue());
        }
        assertThat(api.post("/v1/productions", "{\"name\":\"N\",\"code\":\"X\",\"startDate\":\"March\"}",
                tenant.auth()).status()).isEqualTo(400);
        assertThat(api.get("/v1/productions", tenant.auth()).items()).isEmpty();
    }
}
