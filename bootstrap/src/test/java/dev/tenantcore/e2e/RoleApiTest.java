package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RoleApiTest extends ServiceTest {
    @Inject
    AccessFixtures access;

    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").toString()).as(response.toString()).contains("field=" + field);
        }
    }

    private List<Map<String, Object>> allRoles() {
        var response = api.get("/v1/roles?limit=100", tenant.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.items();
    }

    private Map<String, Object> role(String name) {
        return allRoles().stream().filter(role -> role.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyOrganizationHasTheFourBuiltinRoles() {
        var roles = allRoles();

        assertThat(roles).extracting(role -> role.get("name")).containsExactlyInAnyOrder(
                "owner", "admin", "member", "viewer");
        assertThat(roles).allSatisfy(role -> {
            assertThat(role).containsOnlyKeys("id", "name", "description", "builtin", "permissions");
            assertThat(role).containsEntry("builtin", true);
        });
        for (var builtin : List.of("owner", "admin", "member", "viewer")) {
            assertThat(role(builtin).get("permissions")).as("%s: the grants of its module migrations, sorted", builtin)
                    .isEqualTo(DatabasePermissions.grantedTo(builtin).stream().map(Permission::code).sorted().toList());
        }
    }

    @Test
    void aCustomRoleIsCreatedReadChangedAndDeletedAndItsHoldersFollowAtOnce() {
        var created = api.post("/v1/roles", "{\"name\":\"auditor\",\"description\":\"Reads the log\","
                + "\"permissions\":[\"audit:read\",\"organization:read\"]}", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo("/v1/roles/" + created.string("id"));
        assertThat(created.json()).containsEntry("name", "auditor").containsEntry("description", "Reads the log")
                .containsEntry("builtin", false)
                .containsEntry("permissions", List.of("audit:read", "organization:read"));
        assertThat(api.get(created.header("Location"), tenant.auth()).json()).isEqualTo(created.json());
        var auditor = access.key(api, tenant, "auditor");
        assertThat(api.get("/v1/audit-events", auditor.auth()).status()).isEqualTo(200);
        assertThat(api.get("/v1/tasks", auditor.auth()).status()).isEqualTo(403);

        var widened = api.patch(created.header("Location"), "{\"permissions\":[\"audit:read\",\"tasks:read\"]}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
        assertThat(widened.header("ETag")).isEqualTo("\"2\"");
        assertThat(widened.json()).containsEntry("description", "Reads the log");
        assertThat(api.get("/v1/tasks", auditor.auth()).status()).as("the key's next request").isEqualTo(200);
        assertThat(api.get("/v1/organization", auditor.auth()).status()).isEqualTo(403);

        assertProblem(api.delete(created.header("Location"), tenant.auth("If-Match", "\"1\"")), 412, null);
        assertThat(api.delete(created.header("Location"), tenant.auth("If-Match", "\"2\"")).status()).isEqualTo(204);
        assertThat(api.get("/v1/audit-events", auditor.auth()).status()).isEqualTo(403);
        var gone = api.get(created.header("Location"), tenant.auth());
        assertProblem(gone, 404, null);
        assertThat(gone.body()).isEqualTo(api.get("/v1/roles/" + UUID.randomUUID(), tenant.auth()).body());
    }

    @Test
    void builtinRolesCannotBeChangedOrDeleted() {
        var before = allRoles();
        for (var builtin : before) {
            var path = "/v1/roles/" + builtin.get("id");
            var patch = api.patch(path, "{\"permissions\":[\"tasks:read\"]}", tenant.auth());
            var delete = api.delete(path, tenant.auth());

            assertProblem(patch, 409, null);
            assertThat(patch.string("detail")).contains("built-in role '" + builtin.get("name") + "' cannot be changed");
            assertProblem(delete, 409, null);
            assertThat(delete.string("detail")).contains("cannot be deleted");
        }
        assertThat(allRoles()).isEqualTo(before);
    }

    @Test
    void badInputIsAClearProblemAndCreatesNothing() {
        var before = allRoles();

        assertProblem(api.post("/v1/roles", "{\"name\":\"ops\",\"permissions\":[\"tasks:read\",\"tasks:delete\"]}",
                tenant.auth()), 422, "permissions");
        assertProblem(api.post("/v1/roles", "{\"name\":\"ops\",\"permissions\":[null]}", tenant.auth()), 422,
                "permissions");
        assertProblem(api.post("/v1/roles", "{\"name\":\"ops\"}", tenant.auth()), 422, "permissions");
        assertProblem(api.post("/v1/roles", "{\"name\":\"Ops Team\",\"permissions\":[]}", tenant.auth()), 422,
                "name");
        assertProblem(api.post("/v1/roles", "{\"permissions\":[]}", tenant.auth()), 422, "name");
        assertProblem(api.post("/v1/roles", "{\"name\":\"ops\",\"description\":\"" + "d".repeat(501)
                + "\",\"permissions\":[]}", tenant.auth()), 422, "description");
        assertProblem(api.post("/v1/roles", "{\"name\":\"admin\",\"permissions\":[]}", tenant.auth()), 409, null);
        assertProblem(api.post("/v1/roles", "{\"name\":\"ops\",\"permissions\":\"tasks:read\"}", tenant.auth()),
                400, null);
        assertProblem(api.post("/v1/roles", "{\"name\":7,\"permissions\":[]}", tenant.auth()), 400, null);
        assertThat(allRoles()).isEqualTo(before);

        var ops = api.post("/v1/roles", "{\"name\":\"ops\",\"permissions\":[]}", tenant.auth());
        var path = "/v1/roles/" + ops.string("id");
        assertProblem(api.patch(path, "{\"permissions\":[\"nope\"]}", tenant.auth()), 422, "permissions");
        assertProblem(api.patch(path, "{\"permissions\":null}", tenant.auth()), 422, "permissions");
        assertProblem(api.patch(path, "{\"name\":null}", tenant.auth()), 422, "name");
        assertProblem(api.patch(path, "{\"name\":\"viewer\"}", tenant.auth()), 409, null);
        assertProblem(api.patch("/v1/roles/42", "{}", tenant.auth()), 400, null);
        assertThat(api.get(path, tenant.auth()).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aRoleMayGrantOnlyWhatItsCreatorHolds() {
        var manager = api.post("/v1/roles", "{\"name\":\"role-manager\",\"permissions\":[\"roles:manage\","
                + "\"members:read\",\"tasks:read\"]}", tenant.auth());
        assertThat(manager.status()).isEqualTo(201);
        var key = access.key(api, tenant, "role-manager");
        var before = allRoles();

        var escalation = api.post("/v1/roles", "{\"name\":\"auditor\",\"permissions\":[\"audit:read\"]}", key.auth());
        assertProblem(escalation, 403, null);
        assertThat(escalation.string("detail")).contains("audit:read");
        assertProblem(api.patch("/v1/roles/" + manager.string("id"),
                "{\"permissions\":[\"roles:manage\",\"members:read\",\"tasks:read\",\"tasks:write\"]}", key.auth()),
                403, null);
        assertThat(allRoles()).isEqualTo(before);

        assertThat(api.post("/v1/roles", "{\"name\":\"reader\",\"permissions\":[\"tasks:read\"]}", key.auth())
                .status()).isEqualTo(201);
    }

    @Test
    void onlyRolesManageChangesRolesAndMembersReadSeesThem() {
        var member = access.key(api, tenant, "member");
        var before = allRoles();
        var anyRole = "/v1/roles/" + before.getFirst().get("id");

        assertThat(api.get("/v1/roles", member.auth()).status()).isEqualTo(200);
        assertThat(api.get(anyRole, member.auth()).status()).isEqualTo(200);
        var create = api.post("/v1/roles", "{\"name\":\"x\",\"permissions\":[]}", member.auth());
        assertProblem(create, 403, null);
        assertThat(create.string("detail")).contains("roles:manage");
        assertProblem(api.patch(anyRole, "{\"description\":\"x\"}", member.auth()), 403, null);
        assertProblem(api.delete(anyRole, member.auth()), 403, null);
        assertThat(allRoles()).isEqualTo(before);
    }
}
