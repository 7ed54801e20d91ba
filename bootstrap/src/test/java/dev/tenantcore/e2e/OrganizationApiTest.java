package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OrganizationApiTest extends ServiceTest {

    @Test
    void signUpCreatesTheOrganizationAndAKeyThatWorksAtOnce() {
        var slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);

        var response = api.post("/v1/organizations", "{\"name\":\"Acme Inc\",\"slug\":\"" + slug + "\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/v1/organization");
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        var organization = response.object("organization");
        assertThat(organization).containsOnlyKeys("id", "name", "slug", "createdAt", "updatedAt");
        assertThat(organization).containsEntry("name", "Acme Inc").containsEntry("slug", slug);
        var key = response.object("apiKey");
        assertThat(key).containsOnlyKeys("id", "name", "prefix", "token", "createdAt");
        assertThat(key.get("token").toString()).startsWith("tc_" + key.get("prefix") + "_");

        var me = api.get("/v1/organization", "Authorization", "Bearer " + key.get("token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(organization);
    }

    @Test
    void aTakenSlugIsAConflictAndCreatesNothing() {
        var tenant = signUp();

        var again = api.post("/v1/organizations", "{\"name\":\"Copycat\",\"slug\":\"" + tenant.slug() + "\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(again.string("detail")).contains("already taken");
        assertThat(api.get("/v1/organization", tenant.auth()).string("name")).isNotEqualTo("Copycat");
    }

    @Test
    void slugsOutsideTheAllowedAlphabetAreRejected() {
        for (var slug : new String[] {"ab", "ACME", "acme_inc", "a".repeat(64), "acme inc"}) {
            var response = api.post("/v1/organizations", "{\"name\":\"Bad\",\"slug\":\"" + slug + "\"}");

            assertThat(response.status()).as(slug).isEqualTo(422);
            assertThat(response.json().get("errors").toString()).as(slug).contains("field=slug");
        }
    }

    @Test
    void renameHonoursIfMatch() {
        var tenant = signUp();

        var stale = api.patch("/v1/organization", "{\"name\":\"Renamed\"}", tenant.auth("If-Match", "\"9\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get("/v1/organization", tenant.auth()).string("name")).startsWith("Organization ");

        var renamed = api.patch("/v1/organization", "{\"name\":\"Renamed\"}", tenant.auth("If-Match", "\"1\""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.string("name")).isEqualTo("Renamed");
        assertThat(renamed.header("ETag")).isEqualTo("\"2\"");

        var unconditional = api.patch("/v1/organization", "{\"name\":\"Again\"}", tenant.auth());
        assertThat(unconditional.status()).isEqualTo(200);
        assertThat(unconditional.header("ETag")).isEqualTo("\"3\"");
    }
}
