package dev.tenantcore.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WebhookApiTest extends ServiceTest {
    private static final String TARGET = "http://localhost:9/hooks";

    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void createReadUpdateListAndDeleteShowingTheSecretOnce() {
        var created = api.post("/v1/webhooks", """
                {"url": "%s", "eventTypes": ["task.updated", "task.created", "task.created"]}""".formatted(TARGET),
                tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "url", "eventTypes", "enabled", "disabledAt", "createdAt",
                "updatedAt", "secret").containsEntry("url", TARGET).containsEntry("enabled", true)
                .containsEntry("eventTypes", List.of("task.created", "task.updated"));
        var secret = created.string("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        var location = created.header("Location");
        assertThat(location).isEqualTo("/v1/webhooks/" + created.string("id"));

        var read = api.get(location, tenant.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).doesNotContainKey("secret");
        assertThat(read.body()).doesNotContain(secret.substring(6));

        var updated = api.patch(location, "{\"enabled\":false,\"eventTypes\":[\"contact.deleted\"]}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("enabled", false)
                .containsEntry("eventTypes", List.of("contact.deleted"));
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.patch(location, "{\"enabled\":true}", tenant.auth("If-Match", "\"1\"")).status())
                .isEqualTo(412);

        var listed = api.get("/v1/webhooks", tenant.auth());
        assertThat(listed.items()).extracting(item -> item.get("id")).containsExactly(created.string("id"));
        assertThat(listed.body()).doesNotContain("secret");

        var rotated = api.post(location + "/rotate-secret", "", tenant.auth());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.string("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.header("ETag")).isEqualTo("\"3\"");

        var history = api.get(location + "/history", tenant.auth());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body()).doesNotContain("secret_ciphertext").doesNotContain("secretCiphertext")
                .doesNotContain(secret.substring(6)).doesNotContain(rotated.string("secret").substring(6));

        assertThat(api.delete(location, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void theSecretIsStoredEncryptedAndKeptOutOfTheAuditLog() {
        var created = api.post("/v1/webhooks", """
                {"url": "%s", "eventTypes": ["task.created"]}""".formatted(TARGET), tenant.auth());
        var key = Base64.getDecoder().decode(created.string("secret").substring(6));
        var stored = WebhookTesting.strings("SELECT encode(secret_ciphertext, 'hex') FROM webhooks WHERE id = '"
                + created.string("id") + "'").getFirst();
        assertThat(stored).doesNotContain(java.util.HexFormat.of().formatHex(key));
        assertThat(stored.length() / 2).isEqualTo(12 + 32 + 16); // nonce, ciphertext, tag
        var recorded = WebhookTesting.strings("SELECT coalesce(new_values::text, '') || coalesce(old_values::text, '')"
                + " FROM audit_events WHERE entity_type = 'webhook' AND entity_id = '" + created.string("id") + "'");
        assertThat(recorded).isNotEmpty().allSatisfy(values -> assertThat(values).doesNotContain("ciphertext")
                .doesNotContain(stored.substring(0, 24)));
    }

    @Test
    void targetsThatAreNotPublicHttpsAreRefusedWithAProblemAndNothingStored() {
        for (var url : List.of("https://127.0.0.1/", "https://[::1]/", "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.1/", "https://192.168.1.20/", "https://172.16.0.1/", "https://0.0.0.0/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[fd00::1]/",
                "https://[fe80::1]/", "https://224.0.0.1/", "https://100.64.0.1/", "http://8.8.8.8/",
                "ftp://8.8.8.8/", "https://user:password@8.8.8.8/", "not a url")) {
            var refused = api.post("/v1/webhooks", """
                    {"url": "%s", "eventTypes": ["task.created"]}""".formatted(url), tenant.auth());
            assertThat(refused.status()).as(url + ": " + refused).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("url");
        }
        assertThat(api.get("/v1/webhooks", tenant.auth()).items()).isEmpty();
    }

    @Test
    void aChangeOfUrlIsCheckedToo() {
        var created = api.post("/v1/webhooks", """
                {"url": "%s", "eventTypes": ["task.created"]}""".formatted(TARGET), tenant.auth());
        var refused = api.patch(created.header("Location"), "{\"url\":\"https://169.254.169.254/\"}", tenant.auth());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(api.get(created.header("Location"), tenant.auth()).json()).containsEntry("url", TARGET);
    }

    @Test
    void unknownOrMissingEventTypesAreRefused() {
        for (var body : List.of("{\"url\":\"" + TARGET + "\",\"eventTypes\":[\"task.exploded\"]}",
                "{\"url\":\"" + TARGET + "\",\"eventTypes\":[]}", "{\"url\":\"" + TARGET + "\"}")) {
            var refused = api.post("/v1/webhooks", body, tenant.auth());
            assertThat(refused.status()).as(body + ": " + refused).isIn(400, 422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("eventTypes");
        }
    }
}
