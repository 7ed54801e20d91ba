package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TaskApiTest extends ServiceTest {
    @Inject
    AccessFixtures access;

    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void createReturnsTheTaskWithItsLocationAndEntityTag() {
        var created = api.post("/v1/tasks",
                "{\"title\":\"  Write the report  \",\"description\":\"Q3\",\"dueDate\":\"2026-12-01T17:00:00Z\"}",
                tenant.auth());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo("/v1/tasks/" + created.string("id"));
        assertThat(created.json()).containsOnlyKeys("id", "title", "description", "dueDate", "completed",
                "assigneeId", "createdAt", "updatedAt");
        assertThat(created.json()).containsEntry("assigneeId", null);
        assertThat(created.json()).containsEntry("title", "Write the report").containsEntry("description", "Q3")
                .containsEntry("dueDate", "2026-12-01T17:00:00Z").containsEntry("completed", false);

        var fetched = api.get(created.header("Location"), tenant.auth());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(fetched.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void patchChangesOnlyThePresentFieldsAndNullClears() {
        var id = createTask(tenant, "{\"title\":\"Plan\",\"description\":\"Draft\",\"dueDate\":\"2026-12-01T00:00:00Z\"}");

        var completed = api.patch("/v1/tasks/" + id, "{\"completed\":true}", tenant.auth());
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json()).containsEntry("title", "Plan").containsEntry("description", "Draft")
                .containsEntry("dueDate", "2026-12-01T00:00:00Z").containsEntry("completed", true);
        assertThat(completed.header("ETag")).isEqualTo("\"2\"");

        var cleared = api.patch("/v1/tasks/" + id, "{\"description\":null,\"dueDate\":null}", tenant.auth());
        assertThat(cleared.json()).containsEntry("title", "Plan").containsEntry("completed", true)
                .containsEntry("description", null).containsEntry("dueDate", null);

        var noChange = api.patch("/v1/tasks/" + id, "{}", tenant.auth());
        assertThat(noChange.status()).isEqualTo(200);
        assertThat(noChange.header("ETag")).as("nothing to write, version unchanged").isEqualTo("\"3\"");
    }

    @Test
    void requiredFieldsCannotBeCleared() {
        var id = createTask(tenant, "{\"title\":\"Keep me\"}");

        for (var body : new String[] {"{\"title\":null}", "{\"title\":\"   \"}", "{\"completed\":null}"}) {
            var response = api.patch("/v1/tasks/" + id, body, tenant.auth());
            assertThat(response.status()).as(body).isEqualTo(422);
        }
        assertThat(api.get("/v1/tasks/" + id, tenant.auth()).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void conditionalWritesHonourIfMatch() {
        var id = createTask(tenant, "{\"title\":\"Versioned\"}");

        assertThat(api.patch("/v1/tasks/" + id, "{\"title\":\"x\"}", tenant.auth("If-Match", "\"2\"")).status())
                .isEqualTo(412);
        assertThat(api.patch("/v1/tasks/" + id, "{\"title\":\"x\"}", tenant.auth("If-Match", "W/\"1\"")).status())
                .as("weak tags never match").isEqualTo(412);
        assertThat(api.patch("/v1/tasks/" + id, "{\"title\":\"v2\"}", tenant.auth("If-Match", "\"1\"")).status())
                .isEqualTo(200);
        assertThat(api.delete("/v1/tasks/" + id, tenant.auth("If-Match", "\"1\"")).status()).isEqualTo(412);
        assertThat(api.get("/v1/tasks/" + id, tenant.auth()).string("title")).isEqualTo("v2");
        assertThat(api.delete("/v1/tasks/" + id, tenant.auth("If-Match", "\"0\", \"2\"")).status()).isEqualTo(204);
    }

    @Test
    void deletedAndUnknownTasksGiveTheSame404() {
        var id = createTask(tenant, "{\"title\":\"Short-lived\"}");
        assertThat(api.delete("/v1/tasks/" + id, tenant.auth()).status()).isEqualTo(204);

        var deleted = api.get("/v1/tasks/" + id, tenant.auth());
        var unknown = api.get("/v1/tasks/" + UUID.randomUUID(), tenant.auth());

        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.body()).isEqualTo(unknown.body());
        assertThat(deleted.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.delete("/v1/tasks/" + id, tenant.auth()).body()).isEqualTo(unknown.body());
        assertThat(api.patch("/v1/tasks/" + id, "{\"title\":\"x\"}", tenant.auth()).body()).isEqualTo(unknown.body());
    }

    @Test
    void listsNewestFirstAcrossPagesWithoutGapsOrRepeats() {
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(createTask(tenant, "{\"title\":\"Task " + i + "\"}"));
        }

        var seen = new ArrayList<String>();
        String path = "/v1/tasks?limit=2";
        int pages = 0;
        while (path != null) {
            var page = api.get(path, tenant.auth());
            assertThat(page.status()).isEqualTo(200);
            page.items().forEach(item -> seen.add(item.get("id").toString()));
            var next = page.string("nextCursor");
            path = next == null ? null : "/v1/tasks?limit=2&cursor=" + next;
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.reversed());
        assertThat(api.get("/v1/tasks", tenant.auth()).items()).hasSize(5);
    }

    @Test
    void filtersByCompletionAndDueDate() {
        var open = createTask(tenant, "{\"title\":\"Open\",\"dueDate\":\"2026-01-10T00:00:00Z\"}");
        var done = createTask(tenant, "{\"title\":\"Done\",\"completed\":true,\"dueDate\":\"2026-03-01T00:00:00Z\"}");
        var undated = createTask(tenant, "{\"title\":\"Someday\"}");

        assertThat(ids("/v1/tasks?completed=true")).containsExactly(done);
        assertThat(ids("/v1/tasks?completed=false")).containsExactly(undated, open);
        assertThat(ids("/v1/tasks?dueBefore=2026-02-01T00:00:00Z")).containsExactly(open);
        assertThat(ids("/v1/tasks?completed=true&dueBefore=2026-02-01T00:00:00Z")).isEmpty();
    }

    @Test
    void tasksAreAssignedToMembersFilteredByAssigneeAndUnassigned() {
        var ada = access.member(tenant, "ada", null, "member");
        var alan = access.member(tenant, "alan", null, "viewer");
        var adas = createTask(tenant, "{\"title\":\"Ada's\",\"assigneeId\":\"" + ada + "\"}");
        var alans = createTask(tenant, "{\"title\":\"Alan's\",\"assigneeId\":\"" + alan + "\"}");
        createTask(tenant, "{\"title\":\"Nobody's\"}");

        assertThat(api.get("/v1/tasks/" + adas, tenant.auth()).string("assigneeId")).isEqualTo(ada.toString());
        assertThat(ids("/v1/tasks?assigneeId=" + ada)).containsExactly(adas);
        assertThat(ids("/v1/tasks?assigneeId=" + alan + "&completed=false")).containsExactly(alans);
        assertThat(ids("/v1/tasks?assigneeId=" + UUID.randomUUID())).isEmpty();

        var reassigned = api.patch("/v1/tasks/" + adas, "{\"assigneeId\":\"" + alan + "\"}", tenant.auth());
        assertThat(reassigned.string("assigneeId")).isEqualTo(alan.toString());
        var renamed = api.patch("/v1/tasks/" + adas, "{\"title\":\"Alan's too\"}", tenant.auth());
        assertThat(renamed.string("assigneeId")).as("absent: left as it is").isEqualTo(alan.toString());
        var unassigned = api.patch("/v1/tasks/" + adas, "{\"assigneeId\":null}", tenant.auth());
        assertThat(unassigned.json()).containsEntry("assigneeId", null);
        assertThat(ids("/v1/tasks?assigneeId=" + ada)).isEmpty();
    }

    @Test
    void anAssigneeWhoIsNotAMemberIsAClearProblemAndChangesNothing() {
        var stranger = UUID.randomUUID();
        var otherTenant = signUp();
        var theirs = access.member(otherTenant, "theirs", null, "member");
        var task = createTask(tenant, "{\"title\":\"Keep\"}");

        var unknown = api.post("/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"" + stranger + "\"}", tenant.auth());
        var foreign = api.post("/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"" + theirs + "\"}", tenant.auth());
        var patched = api.patch("/v1/tasks/" + task, "{\"assigneeId\":\"" + theirs + "\"}", tenant.auth());
        var malformed = api.post("/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"ada\"}", tenant.auth());
        var badFilter = api.get("/v1/tasks?assigneeId=ada", tenant.auth());

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("errors").toString()).contains("field=assigneeId")
                .contains("not a member of this organization");
        assertThat(foreign.body()).as("another organization's member is no member here").isEqualTo(unknown.body());
        assertThat(patched.body()).isEqualTo(unknown.body());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(ids("/v1/tasks")).containsExactly(task);
        assertThat(api.get("/v1/tasks/" + task, tenant.auth()).header("ETag")).isEqualTo("\"1\"");
    }

    private List<String> ids(String path) {
        var response = api.get(path, tenant.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.items().stream().map(item -> item.get("id").toString()).toList();
    }
}
