package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ApiKeyApiTest extends ServiceTest {

    @Test
    void createdKeysAuthenticateAndAreListedWithoutSecrets() {
        var tenant = signUp();

        var created = api.post("/v1/api-keys", "{\"name\":\"ci\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}", tenant.auth());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsOnlyKeys("id", "name", "prefix", "token", "createdAt", "expiresAt",
                "roles");
        assertThat(created.json()).containsEntry("roles", List.of("member"));
        var token = created.string("token");

        assertThat(api.get("/v1/organization", "Authorization", "Bearer " + token).status()).isEqualTo(200);

        var listed = api.get("/v1/api-keys", tenant.auth());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.items()).hasSize(2);
        assertThat(listed.items()).allSatisfy(key -> assertThat(key).containsOnlyKeys(
                "id", "name", "prefix", "createdAt", "expiresAt", "revokedAt", "lastUsedAt", "roles"));
        assertThat(listed.body()).doesNotContain(token).doesNotContain(tenant.token());
        var ci = listed.items().getFirst();
        assertThat(ci.get("name")).isEqualTo("ci");
        assertThat(ci.get("lastUsedAt")).as("recorded by the request above").isNotNull();
        assertThat(listed.items().getLast()).as("the key from sign-up").containsEntry("roles", List.of("admin"));
    }

    @Test
    void aKeyActsWithItsRolesAndADeniedRequestWritesNothing() {
        var tenant = signUp();
        var created = api.post("/v1/api-keys", "{\"name\":\"dashboard\",\"roles\":[\"viewer\"]}", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()).containsEntry("roles", List.of("viewer"));
        var viewer = new String[] {"Authorization", "Bearer " + created.string("token")};

        assertThat(api.get("/v1/tasks", viewer).status()).isEqualTo(200);
        var write = api.post("/v1/tasks", "{\"title\":\"Not allowed\"}", viewer);
        var keys = api.post("/v1/api-keys", "{\"name\":\"more\"}", viewer);

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(write.string("detail")).contains("tasks:write");
        assertThat(keys.status()).isEqualTo(403);
        assertThat(api.get("/v1/tasks", tenant.auth()).items()).isEmpty();
        assertThat(api.get("/v1/api-keys", tenant.auth()).items()).hasSize(2);
    }

    @Test
    void rolesAreCheckedAndARefusedKeyIsNotCreated() {
        var tenant = signUp();
        var limited = api.post("/v1/roles", "{\"name\":\"key-keeper\",\"permissions\":[\"api-keys:manage\","
                + "\"api-keys:read\",\"tasks:read\"]}", tenant.auth());
        assertThat(limited.status()).as(limited.toString()).isEqualTo(201);
        var keeper = api.post("/v1/api-keys", "{\"name\":\"keeper\",\"roles\":[\"key-keeper\"]}", tenant.auth());
        var keeperAuth = new String[] {"Authorization", "Bearer " + keeper.string("token")};
        var before = api.get("/v1/api-keys", tenant.auth()).items().stream().map(key -> key.get("id")).toList();

        var unknown = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"member\",\"wizard\"]}", tenant.auth());
        var none = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":[]}", tenant.auth());
        var notAList = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":\"member\"}", tenant.auth());
        var owner = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"owner\"]}", tenant.auth());
        var escalation = api.post("/v1/api-keys", "{\"name\":\"k\"}", keeperAuth);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").toString()).contains("field=roles").contains("'wizard'");
        assertThat(none.status()).isEqualTo(422);
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(owner.status()).isEqualTo(403);
        assertThat(owner.string("detail")).contains("only an owner");
        assertThat(escalation.status()).as("the default member role writes tasks").isEqualTo(403);
        assertThat(api.get("/v1/api-keys", tenant.auth()).items()).extracting(key -> key.get("id"))
                .containsExactlyElementsOf(before);

        var reader = api.post("/v1/api-keys", "{\"name\":\"reader\",\"roles\":[\"key-keeper\"]}", keeperAuth);
        assertThat(reader.status()).as("a key may hand out what it holds").isEqualTo(201);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var tenant = signUp();
        var created = api.post("/v1/api-keys", "{\"name\":\"temporary\"}", tenant.auth());
        var bearer = new String[] {"Authorization", "Bearer " + created.string("token")};
        assertThat(api.get("/v1/organization", bearer).status()).isEqualTo(200);

        var revoked = api.delete("/v1/api-keys/" + created.string("id"), tenant.auth());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get("/v1/organization", bearer).status()).isEqualTo(401);
        assertThat(api.delete("/v1/api-keys/" + created.string("id"), tenant.auth()).status())
                .as("revoking again is harmless").isEqualTo(204);
        var listed = api.get("/v1/api-keys", tenant.auth()).items().getFirst();
        assertThat(listed.get("revokedAt")).isNotNull();
    }

    @Test
    void everyKindOfBadCredentialGetsTheSame401() throws SQLException {
        var tenant = signUp();
        var revoked = api.post("/v1/api-keys", "{\"name\":\"revoked\"}", tenant.auth());
        api.delete("/v1/api-keys/" + revoked.string("id"), tenant.auth());
        var expired = api.post("/v1/api-keys", "{\"name\":\"expired\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}",
                tenant.auth());
        // Like any write to audited data, this one names its tenant: the audit trigger records it there.
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var expire = superuser.prepareStatement("SELECT set_config('app.organization_id', ?, false); "
                        + "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            expire.setString(1, tenant.organizationId().toString());
            expire.setObject(2, UUID.fromString(expired.string("id")));
            expire.execute();
            assertThat(expire.getMoreResults()).isFalse();
            assertThat(expire.getUpdateCount()).isEqualTo(1);
        }
        var wrongSecret = tenant.token().substring(0, tenant.token().length() - 4) + "AAAA";

        var answers = new String[][] {
            {},
            {"Authorization", "Basic dXNlcjpwYXNz"},
            {"Authorization", "Bearer "},
            {"Authorization", "Bearer not-a-token"},
            {"Authorization", "Bearer tc_aaaaaaaaaaaa_" + "A".repeat(43)},
            {"Authorization", "Bearer " + wrongSecret},
            {"Authorization", "Bearer " + revoked.string("token")},
            {"Authorization", "Bearer " + expired.string("token")},
        };
        var first = api.get("/v1/tasks", answers[0]);
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.header("WWW-Authenticate")).isEqualTo("Bearer");
        for (var headers : answers) {
            var response = api.get("/v1/tasks", headers);
            assertThat(response.status()).as(String.join(" ", headers)).isEqualTo(401);
            assertThat(response.body()).as(String.join(" ", headers)).isEqualTo(first.body());
        }
    }

    @Test
    void anExpiryInThePastIsRejected() {
        var tenant = signUp();

        var response = api.post("/v1/api-keys", "{\"name\":\"late\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}", tenant.auth());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").toString()).contains("field=expiresAt");
        assertThat(api.get("/v1/api-keys", tenant.auth()).items()).hasSize(1);
    }
}
