package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MemberApiTest extends ServiceTest {
    @Inject
    AccessFixtures access;

    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    private ApiClient.Response member(UUID userId, Tenant caller) {
        return api.get("/v1/members/" + userId, caller.auth());
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(ApiClient.Response response) {
        return (List<String>) response.json().get("roles");
    }

    @Test
    void listsMembersWithTheirAddressDisplayNameStatusAndRolesNewestFirst() {
        var ada = access.member(tenant, "ada", "Ada Lovelace", "viewer", "admin");
        var alan = access.member(tenant, "alan", null, "member");

        var seen = new ArrayList<Map<String, Object>>();
        String path = "/v1/members?limit=1";
        while (path != null) {
            var page = api.get(path, tenant.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(page.items());
            var next = page.string("nextCursor");
            path = next == null ? null : "/v1/members?limit=1&cursor=" + next;
        }

        var ids = seen.stream().map(item -> item.get("userId").toString()).toList();
        assertThat(ids).containsSubsequence(alan.toString(), ada.toString()).doesNotHaveDuplicates();
        var adaItem = seen.get(ids.indexOf(ada.toString()));
        assertThat(adaItem).containsOnlyKeys("userId", "email", "displayName", "status", "roles", "createdAt");
        assertThat(adaItem).containsEntry("email", AccessFixtures.emailOf("ada", ada))
                .containsEntry("displayName", "Ada Lovelace").containsEntry("status", "active")
                .containsEntry("roles", List.of("admin", "viewer"));
        assertThat(seen.get(ids.indexOf(alan.toString()))).containsEntry("displayName", null)
                .containsEntry("roles", List.of("member"));
    }

    @Test
    void getsOneMemberWithItsEntityTag() {
        var ada = access.member(tenant, "ada", "Ada", "viewer");

        var found = member(ada, tenant);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("ETag")).isEqualTo("\"1\"");
        assertThat(found.string("userId")).isEqualTo(ada.toString());
        assertProblem(member(UUID.randomUUID(), tenant), 404);
    }

    @Test
    void patchReplacesTheRolesAndChangesTheStatusHonouringIfMatch() {
        var ada = access.member(tenant, "ada", null, "viewer");

        var promoted = api.patch("/v1/members/" + ada, "{\"roles\":[\"member\",\"admin\"]}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(roles(promoted)).containsExactly("admin", "member");
        assertThat(promoted.header("ETag")).isEqualTo("\"2\"");

        assertProblem(api.patch("/v1/members/" + ada, "{\"status\":\"suspended\"}", tenant.auth("If-Match", "\"1\"")),
                412);
        var suspended = api.patch("/v1/members/" + ada, "{\"status\":\"suspended\"}", tenant.auth("If-Match", "\"2\""));
        assertThat(suspended.string("status")).isEqualTo("suspended");
        assertThat(roles(suspended)).containsExactly("admin", "member");

        var unchanged = api.patch("/v1/members/" + ada, "{}", tenant.auth());
        assertThat(unchanged.header("ETag")).as("nothing to write").isEqualTo("\"3\"");
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        var ada = access.member(tenant, "ada", null, "viewer");
        record Case(String body, int status, String field) {
        }
        var cases = List.of(
                new Case("{\"roles\":[\"viewer\",\"wizard\"]}", 422, "roles"),
                new Case("{\"roles\":[\"Viewer\"]}", 422, "roles"),
                new Case("{\"roles\":[]}", 422, "roles"),
                new Case("{\"roles\":null}", 422, "roles"),
                new Case("{\"roles\":[null]}", 422, "roles"),
                new Case("{\"status\":\"deleted\"}", 422, "status"),
                new Case("{\"status\":null}", 422, "status"),
                new Case("{\"roles\":\"admin\"}", 400, null),
                // Serde reads a number in a list of strings as its text: a name no role has.
                new Case("{\"roles\":[1]}", 422, "roles"),
                new Case("{\"status\":true}", 400, null),
                new Case("{\"roles\":", 400, null));
        for (var bad : cases) {
            var response = api.patch("/v1/members/" + ada, bad.body(), tenant.auth());
            assertProblem(response, bad.status());
            if (bad.field() != null) {
                assertThat(response.json().get("errors").toString()).as(bad.body())
                        .contains("field=" + bad.field());
            }
        }
        assertProblem(api.patch("/v1/members/not-a-uuid", "{}", tenant.auth()), 400);
        assertProblem(api.get("/v1/members?limit=0", tenant.auth()), 422);
        assertProblem(api.get("/v1/members?cursor=forged", tenant.auth()), 400);

        var after = member(ada, tenant);
        assertThat(after.header("ETag")).isEqualTo("\"1\"");
        assertThat(roles(after)).containsExactly("viewer");
    }

    @Test
    void withoutMembersManageACallerMayLookButNotTouch() {
        var ada = access.member(tenant, "ada", null, "member");
        var viewer = access.key(api, tenant, "viewer");

        assertThat(member(ada, viewer).status()).isEqualTo(200);
        assertThat(api.get("/v1/members", viewer.auth()).status()).isEqualTo(200);
        var patch = api.patch("/v1/members/" + ada, "{\"status\":\"suspended\"}", viewer.auth());
        var delete = api.delete("/v1/members/" + ada, viewer.auth());
        var unknown = api.delete("/v1/members/" + UUID.randomUUID(), viewer.auth());

        assertProblem(patch, 403);
        assertThat(patch.string("detail")).contains("members:manage");
        assertProblem(delete, 403);
        assertThat(unknown.body()).as("denied before looking: an unknown member gets the same answer")
                .isEqualTo(delete.body());
        assertThat(member(ada, tenant).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void nobodyGrantsOrTakesAwayMoreThanTheyHold() {
        var ada = access.member(tenant, "ada", null, "viewer");
        var hr = api.post("/v1/roles", "{\"name\":\"hr\",\"permissions\":[\"members:read\",\"members:manage\","
                + "\"organization:read\",\"tasks:read\"]}", tenant.auth());
        assertThat(hr.status()).as(hr.toString()).isEqualTo(201);
        var hrKey = access.key(api, tenant, "hr");

        assertThat(api.patch("/v1/members/" + ada, "{\"roles\":[\"viewer\",\"hr\"]}", hrKey.auth()).status())
                .isEqualTo(200);
        var escalation = api.patch("/v1/members/" + ada, "{\"roles\":[\"member\"]}", hrKey.auth());
        assertProblem(escalation, 403);
        assertThat(escalation.string("detail")).contains("tasks:write");
        var ownership = api.patch("/v1/members/" + ada, "{\"roles\":[\"owner\"]}", tenant.auth());
        assertProblem(ownership, 403);
        assertThat(ownership.string("detail")).contains("only an owner");

        assertThat(roles(member(ada, tenant))).containsExactly("hr", "viewer");
    }

    @Test
    void onlyAnOwnerMakesOwnersAndTheLastActiveOwnerStaysOne() {
        var owner = access.ownerKey(api, tenant);
        var ada = access.member(tenant, "ada", null, "member");
        var made = api.patch("/v1/members/" + ada, "{\"roles\":[\"owner\"]}", owner.auth());
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        // Whoever else owns the organization steps down, so that ada is its last active owner.
        for (var other : api.get("/v1/members?limit=100", owner.auth()).items()) {
            if (!other.get("userId").equals(ada.toString()) && ((List<?>) other.get("roles")).contains("owner")) {
                assertThat(api.patch("/v1/members/" + other.get("userId"), "{\"roles\":[\"admin\"]}", owner.auth())
                        .status()).isEqualTo(200);
            }
        }

        var suspend = api.patch("/v1/members/" + ada, "{\"status\":\"suspended\"}", owner.auth());
        var demote = api.patch("/v1/members/" + ada, "{\"roles\":[\"admin\"]}", owner.auth());
        var remove = api.delete("/v1/members/" + ada, owner.auth());

        assertProblem(suspend, 409);
        assertThat(suspend.string("detail")).contains("last active owner cannot be suspended");
        assertProblem(demote, 409);
        assertThat(demote.string("detail")).contains("cannot lose the owner role");
        assertProblem(remove, 409);
        assertThat(member(ada, tenant).string("status")).isEqualTo("active");

        var alan = access.member(tenant, "alan", null, "member");
        assertThat(api.patch("/v1/members/" + alan, "{\"roles\":[\"owner\"]}", owner.auth()).status()).isEqualTo(200);
        assertThat(api.delete("/v1/members/" + ada, owner.auth()).status()).isEqualTo(204);
        assertProblem(api.delete("/v1/members/" + alan, owner.auth()), 409);
    }

    @Test
    void removingAMemberUnassignsTheirTasksAndTheyAreGone() {
        var ada = access.member(tenant, "ada", null, "member");
        var task = createTask(tenant, "{\"title\":\"Review\",\"assigneeId\":\"" + ada + "\"}");

        assertProblem(api.delete("/v1/members/" + ada, tenant.auth("If-Match", "\"2\"")), 412);
        assertThat(api.delete("/v1/members/" + ada, tenant.auth("If-Match", "\"1\"")).status()).isEqualTo(204);

        assertThat(api.get("/v1/tasks/" + task, tenant.auth()).json()).containsEntry("assigneeId", null);
        var gone = member(ada, tenant);
        assertProblem(gone, 404);
        assertThat(gone.body()).isEqualTo(member(UUID.randomUUID(), tenant).body());
        assertThat(api.delete("/v1/members/" + ada, tenant.auth()).status()).isEqualTo(404);
    }
}
