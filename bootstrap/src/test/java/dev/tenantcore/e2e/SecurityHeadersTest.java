package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The headers every response carries, and a CORS policy (configured here) that refuses with a problem. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.cors.enabled", value = "true")
@Property(name = "micronaut.server.cors.configurations.web.allowed-origins", value = "https://app.example")
class SecurityHeadersTest extends ServiceTest {

    @Test
    void everyResponseIsUncachedUnsniffedUnframedAndSendsNoReferrer() {
        var tenant = signUp();
        var responses = new ApiClient.Response[] {
            api.get("/v1/organization", tenant.auth()),
            api.post("/v1/api-keys", "{\"name\":\"secret-bearing\"}", tenant.auth()),
            api.get("/v1/tasks/" + UUID.randomUUID(), tenant.auth()),
            api.get("/v1/tasks"),
            api.post("/v1/tasks", "{\"title\":", tenant.auth()),
        };
        for (var response : responses) {
            assertThat(response.header("Cache-Control")).as(response.toString()).isEqualTo("no-store");
            assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
        }
    }

    @Test
    void anAllowedOriginIsAnsweredAndAForeignOneGetsAProblem() {
        var tenant = signUp();
        var auth = tenant.auth();

        var allowed = api.send("GET", "/v1/organization", null, auth[0], auth[1], "Origin", "https://app.example");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");

        var foreign = api.send("GET", "/v1/organization", null, auth[0], auth[1], "Origin", "https://evil.example");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(foreign.string("detail")).contains("CORS");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }
}
