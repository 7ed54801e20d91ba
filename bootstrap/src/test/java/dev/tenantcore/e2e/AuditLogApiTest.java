package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log over HTTP: who did what from where, history, as-of reads, the export, and bad input. */
@MicronautTest(transactional = false)
class AuditLogApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void aChangeIsRecordedWithTheKeyTheRequestIdTheAddressAndTheUserAgent() {
        var created = api.post("/v1/tasks", "{\"title\":\"Audited\",\"dueDate\":\"2026-12-01T00:00:00Z\"}",
                tenant.auth("X-Request-Id", "trace-42", "User-Agent", "audit-e2e/2.0"));
        assertThat(created.header("X-Request-Id")).isEqualTo("trace-42");

        var events = api.get("/v1/audit-events?entityId=" + created.string("id"), tenant.auth()).items();

        assertThat(events).hasSize(1);
        var event = events.getFirst();
        assertThat(event).containsEntry("action", "create").containsEntry("entityType", "task")
                .containsEntry("entityId", created.string("id")).containsEntry("requestId", "trace-42")
                .containsEntry("clientAddress", "127.0.0.1").containsEntry("userAgent", "audit-e2e/2.0")
                .containsEntry("oldValues", null)
                .containsEntry("actor", Map.of("type", "api_key", "id", tenant.apiKeyId().toString()));
        assertThat(asMap(event.get("newValues"))).containsEntry("title", "Audited")
                .containsEntry("dueDate", "2026-12-01T00:00:00+00:00").containsKeys("organizationId", "createdAt")
                .doesNotContainKeys("due_date", "organization_id");
    }

    @Test
    void everyResponseCarriesARequestIdAndAMalformedOneIsReplaced() {
        var anonymous = api.get("/v1/tasks");
        var malformed = api.get("/v1/tasks", tenant.auth("X-Request-Id", "has spaces and ünïcode"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(malformed.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void signUpIsRecordedAsAnonymousAndRevocationAsANamedAction() {
        var key = api.post("/v1/api-keys", "{\"name\":\"short-lived\"}", tenant.auth());
        api.delete("/v1/api-keys/" + key.string("id"), tenant.auth());

        var organization = api.get("/v1/audit-events?entityType=organization", tenant.auth()).items();
        var keyEvents = api.get("/v1/audit-events?entityType=api_key&entityId=" + key.string("id"), tenant.auth())
                .items();
        var revocations = api.get("/v1/audit-events?action=revoke", tenant.auth()).items();

        assertThat(organization).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("action", "create").containsEntry("actor", anonymous()));
        assertThat(keyEvents).extracting(event -> event.get("action")).containsExactly("revoke", "create");
        assertThat(revocations).singleElement().satisfies(event -> assertThat(event.get("entityId"))
                .isEqualTo(key.string("id")));
        assertThat(keyEvents.toString()).doesNotContain("secretHash", "secret_hash");
    }

    @Test
    void historyListsATasksChangesNewestFirstAndOutlivesTheTask() {
        var id = createTask(tenant, "{\"title\":\"v1\"}");
        api.patch("/v1/tasks/" + id, "{\"title\":\"v2\"}", tenant.auth());
        api.patch("/v1/tasks/" + id, "{\"completed\":true}", tenant.auth());
        api.delete("/v1/tasks/" + id, tenant.auth());

        var actions = new ArrayList<Object>();
        var path = "/v1/tasks/" + id + "/history?limit=3";
        while (path != null) {
            var page = api.get(path, tenant.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(event -> actions.add(event.get("action")));
            var next = page.string("nextCursor");
            path = next == null ? null : "/v1/tasks/" + id + "/history?limit=3&cursor=" + next;
        }

        assertThat(actions).containsExactly("delete", "update", "update", "create");
        var update = api.get("/v1/tasks/" + id + "/history?limit=4", tenant.auth()).items().get(2);
        assertThat(asMap(update.get("oldValues"))).containsEntry("title", "v1").containsEntry("version", 1);
        assertThat(asMap(update.get("newValues"))).containsEntry("title", "v2").containsEntry("version", 2);
    }

    @Test
    void historyOfAnUnknownTaskOrCollectionIsNotFound() {
        assertThat(api.get("/v1/tasks/" + UUID.randomUUID() + "/history", tenant.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/v1/widgets/" + UUID.randomUUID() + "/history", tenant.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void asOfReturnsTheTaskAsItWasEvenAfterItIsDeleted() throws InterruptedException {
        var beforeCreation = Instant.now();
        var id = createTask(tenant, "{\"title\":\"Original\"}");
        var afterCreation = pause();
        api.patch("/v1/tasks/" + id, "{\"title\":\"Revised\",\"description\":\"added\"}", tenant.auth());
        var afterRevision = pause();
        api.delete("/v1/tasks/" + id, tenant.auth());

        var original = api.get("/v1/tasks/" + id + "?asOf=" + afterCreation, tenant.auth());
        var revised = api.get("/v1/tasks/" + id + "?asOf=" + afterRevision, tenant.auth());

        assertThat(original.status()).isEqualTo(200);
        assertThat(original.json()).containsEntry("title", "Original").containsEntry("description", null);
        assertThat(original.header("ETag")).isNull();
        assertThat(revised.json()).containsEntry("title", "Revised").containsEntry("description", "added");
        assertThat(api.get("/v1/tasks/" + id + "?asOf=" + beforeCreation, tenant.auth()).status()).isEqualTo(404);
        assertThat(api.get("/v1/tasks/" + id + "?asOf=" + Instant.now(), tenant.auth()).status()).isEqualTo(404);
        assertThat(api.get("/v1/tasks/" + id, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void asOfEachVersionsOwnUpdatedAtReturnsThatVersion() {
        var created = api.post("/v1/tasks", "{\"title\":\"v1\"}", tenant.auth());
        var id = created.string("id");
        var versions = new ArrayList<ApiClient.Response>(List.of(created));
        for (var title : List.of("v2", "v3")) {
            versions.add(api.patch("/v1/tasks/" + id, "{\"title\":\"" + title + "\"}", tenant.auth()));
        }

        for (var version : versions) {
            var asOf = api.get("/v1/tasks/" + id + "?asOf=" + version.string("updatedAt"), tenant.auth());
            assertThat(asOf.status()).as(asOf.toString()).isEqualTo(200);
            assertThat(asOf.json()).as("as of its own updatedAt: " + version).isEqualTo(version.json());
        }
    }

    @Test
    void anUnknownEntitysHistoryIsNotFoundWithACursorToo() {
        var id = createTask(tenant, "{\"title\":\"v1\"}");
        api.patch("/v1/tasks/" + id, "{\"title\":\"v2\"}", tenant.auth());
        var firstPage = api.get("/v1/tasks/" + id + "/history?limit=1", tenant.auth());
        var cursor = firstPage.string("nextCursor");
        assertThat(cursor).as(firstPage.toString()).isNotNull();
        assertThat(api.get("/v1/tasks/" + id + "/history?limit=1&cursor=" + cursor, tenant.auth()).items())
                .hasSize(1);

        var unknown = api.get("/v1/tasks/" + UUID.randomUUID() + "/history?cursor=" + cursor, tenant.auth());

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    @Test
    void exportStreamsNdjsonOldestFirst() {
        createTask(tenant, "{\"title\":\"one\"}");
        createTask(tenant, "{\"title\":\"two\"}");

        var export = api.get("/v1/audit-events/export", tenant.auth());
        var listed = api.get("/v1/audit-events?limit=100", tenant.auth()).items();

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.lines()).extracting(event -> event.get("id"))
                .containsExactlyElementsOf(listed.reversed().stream().map(event -> event.get("id")).toList());
        assertThat(export.lines()).as("sign-up (organization, its four built-in roles, first key, its admin role, "
                + "the twelve default departments, the trash's first purge job) and two tasks").hasSize(22);
    }

    @Test
    void badFiltersAreClearProblemsThatChangeNothing() {
        var cases = Map.of(
                "/v1/audit-events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", 422,
                "/v1/audit-events?entityType=Task%3B%20DROP", 422,
                "/v1/audit-events?cursor=not-a-cursor", 400,
                "/v1/audit-events?limit=0", 422,
                "/v1/audit-events?entityId=nope", 400,
                "/v1/audit-events/export?from=yesterday", 400,
                "/v1/tasks/" + UUID.randomUUID() + "?asOf=%2B10000-01-01T00:00:00Z", 422,
                "/v1/tasks/" + UUID.randomUUID() + "?asOf=soon", 400);
        cases.forEach((path, status) -> {
            var response = api.get(path, tenant.auth());
            assertThat(response.status()).as(path + " " + response).isEqualTo(status);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        });
    }

    private static Map<String, Object> anonymous() {
        var actor = new HashMap<String, Object>();
        actor.put("type", "anonymous");
        actor.put("id", null);
        return actor;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** An instant strictly between two requests' transactions. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Thread.sleep(5);
        return now;
    }
}
