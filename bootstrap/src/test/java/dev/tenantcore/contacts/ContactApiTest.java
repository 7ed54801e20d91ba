package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ContactApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    private String camera() {
        return api.get("/v1/departments?limit=100", tenant.auth()).items().stream()
                .filter(item -> item.get("name").equals("Camera")).findFirst().orElseThrow().get("id").toString();
    }

    private String contact(String body) {
        var created = api.post("/v1/contacts", body, tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private List<Object> ids(String path) {
        var listed = api.get(path, tenant.auth());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.items().stream().map(item -> item.get("id")).toList();
    }

    @Test
    void createReadUpdateListAndDelete() {
        var production = api.post("/v1/productions", "{\"name\":\"The Long Night\",\"code\":\"TLN\"}", tenant.auth())
                .string("id");
        var created = api.post("/v1/contacts", """
                {"name": " Grace Hopper ", "email": "Grace@Example.com", "phone": "(415) 555-0123", "role": "Gaffer",
                 "company": "Bright Lights Ltd", "departmentId": "%s", "productionId": "%s",
                 "notes": "Prefers calls before 9", "customFields": {"union": "BECTU"}}""".formatted(camera(),
                production), tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "name", "email", "phone", "role", "company", "departmentId",
                        "productionId", "notes", "customFields", "source", "importId", "deletedAt", "createdAt",
                        "updatedAt")
                .containsEntry("name", "Grace Hopper").containsEntry("email", "grace@example.com")
                .containsEntry("phone", "+14155550123").containsEntry("productionId", production)
                .containsEntry("customFields", Map.of("union", "BECTU")).containsEntry("source", "manual")
                .containsEntry("importId", null).containsEntry("deletedAt", null);
        var location = created.header("Location");
        assertThat(location).isEqualTo("/v1/contacts/" + created.string("id"));

        var updated = api.patch(location, "{\"phone\":\"+44 20 7946 0958\",\"role\":null,\"customFields\":null}",
                tenant.auth("If-Match", "\"1\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("phone", "+442079460958").containsEntry("role", null)
                .containsEntry("customFields", Map.of()).containsEntry("email", "grace@example.com");
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.patch(location, "{\"name\":\"Stale\"}", tenant.auth("If-Match", "\"1\"")).status())
                .isEqualTo(412);

        assertThat(ids("/v1/contacts")).containsExactly(created.string("id"));
        assertThat(ids("/v1/contacts?productionId=" + production + "&hasEmail=true"))
                .containsExactly(created.string("id"));
        assertThat(ids("/v1/contacts?hasEmail=false")).isEmpty();
        assertThat(api.get(location + "/history", tenant.auth()).status()).isEqualTo(200);

        assertThat(api.delete(location, tenant.auth("If-Match", "\"2\"")).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void aDeletedContactAnswersLikeARandomIdWaitsInTheTrashAndComesBack() {
        var id = contact("{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\"}");
        var random = "/v1/contacts/019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58";
        assertThat(api.delete("/v1/contacts/" + id, tenant.auth()).status()).isEqualTo(204);

        for (var method : List.of("GET", "PATCH", "DELETE")) {
            var body = method.equals("PATCH") ? "{\"name\":\"Ghost\"}" : null;
            var deleted = api.send(method, "/v1/contacts/" + id, body, tenant.auth());
            var unknown = api.send(method, random, body, tenant.auth());
            assertThat(deleted.status()).as(method).isEqualTo(404);
            assertThat(deleted.body()).as(method).isEqualTo(unknown.body());
        }
        assertThat(ids("/v1/contacts")).isEmpty();
        assertThat(ids("/v1/contacts?q=Grace")).isEmpty();
        var trash = api.get("/v1/contacts?deleted=true", tenant.auth());
        assertThat(trash.items()).extracting(item -> item.get("id")).containsExactly(id);
        assertThat(trash.items().getFirst().get("deletedAt")).isNotNull();
        var history = api.get("/v1/audit-events?entityId=" + id, tenant.auth());
        assertThat(history.items()).extracting(item -> item.get("action")).containsExactly("delete", "create");
        assertThat(history.items().getLast().get("newValues").toString()).as("derived search columns are not recorded")
                .contains("grace@example.com").doesNotContain("search");

        var restored = api.post("/v1/contacts/" + id + "/restore", null, tenant.auth());

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json()).containsEntry("deletedAt", null).containsEntry("email", "grace@example.com");
        assertThat(restored.header("ETag")).isEqualTo("\"3\"");
        assertThat(api.get("/v1/contacts/" + id, tenant.auth()).status()).isEqualTo(200);
        assertThat(ids("/v1/contacts?deleted=true")).isEmpty();
        assertThat(api.post(random + "/restore", null, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void uniqueEmailsIgnoreTheTrashAndARestoreThatWouldCollideIsAConflict() {
        var first = contact("{\"name\":\"Grace\",\"email\":\"grace@example.com\"}");
        var duplicate = api.post("/v1/contacts", "{\"name\":\"Grace 2\",\"email\":\"GRACE@example.com\"}",
                tenant.auth());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");

        api.delete("/v1/contacts/" + first, tenant.auth());
        contact("{\"name\":\"Grace 2\",\"email\":\"grace@example.com\"}");

        var restore = api.post("/v1/contacts/" + first + "/restore", null, tenant.auth());
        assertThat(restore.status()).isEqualTo(409);
        assertThat(ids("/v1/contacts?deleted=true")).containsExactly(first);
    }

    @Test
    void searchIsFuzzyOnNamesAndByWordsOverRoleCompanyAndNotesBestFirst() {
        var john = contact("{\"name\":\"John Smith\",\"role\":\"Key grip\"}");
        var smithers = contact("{\"name\":\"John Smithers\",\"email\":\"js@example.com\"}");
        var zoe = contact("{\"name\":\"Zoë Ångström\",\"company\":\"Lens Co\",\"notes\":\"Owns a café\"}");
        contact("{\"name\":\"Margaret Hamilton\"}");

        assertThat(ids("/v1/contacts?q=Jon%20Smtih")).startsWith(john);
        assertThat(ids("/v1/contacts?q=John%20Smith")).containsExactly(john, smithers);
        assertThat(ids("/v1/contacts?q=John%20Smith&hasEmail=true")).containsExactly(smithers);
        assertThat(ids("/v1/contacts?q=zoe")).containsExactly(zoe);
        assertThat(ids("/v1/contacts?q=grip")).containsExactly(john);
        assertThat(ids("/v1/contacts?q=cafe%20lens")).containsExactly(zoe);
    }

    @Test
    void pagingThroughASearchReturnsEveryMatchOnceAndCursorsDoNotCrossModes() {
        var expected = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            expected.add(contact("{\"name\":\"Jordan Baker\"}"));
        }
        var seen = new ArrayList<Object>();
        var path = "/v1/contacts?q=Jordan%20Baker&limit=2";
        String listCursor = api.get("/v1/contacts?limit=2", tenant.auth()).string("nextCursor");
        String cursor = null;
        do {
            var page = api.get(cursor == null ? path : path + "&cursor=" + cursor, tenant.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> seen.add(item.get("id")));
            if (cursor != null) {
                assertThat(api.get("/v1/contacts?limit=2&cursor=" + cursor, tenant.auth()).status())
                        .as("a search's cursor continues no list").isEqualTo(422);
            }
            cursor = page.string("nextCursor");
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(api.get(path + "&cursor=" + listCursor, tenant.auth()).status()).isEqualTo(422);
        assertThat(api.get(path + "&cursor=nonsense!", tenant.auth()).status()).isEqualTo(400);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        var unknownDepartment = "{\"name\":\"N\",\"departmentId\":\"019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58\"}";
        var unknownProduction = "{\"name\":\"N\",\"productionId\":\"019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58\"}";
        for (var body : Map.of(
                "{\"name\":\" \"}", "name",
                "{\"name\":\"N\",\"email\":\"not-an-address\"}", "email",
                "{\"name\":\"N\",\"phone\":\"call me maybe\"}", "phone",
                "{\"name\":\"N\",\"phone\":\"+1 12\"}", "phone",
                unknownDepartment, "departmentId",
                unknownProduction, "productionId",
                "{\"name\":\"N\",\"customFields\":\"text\"}", "customFields").entrySet()) {
            var refused = api.post("/v1/contacts", body.getKey(), tenant.auth());
            assertThat(refused.status()).as(body.getKey() + ": " + refused).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).as(body.getKey()).contains("\"" + body.getValue() + "\"");
        }
        var id = contact("{\"name\":\"Grace\"}");
        assertThat(api.patch("/v1/contacts/" + id, "{\"email\":\"nope\",\"name\":\"Changed\"}", tenant.auth())
                .status()).isEqualTo(422);
        assertThat(api.patch("/v1/contacts/" + id, "{\"name\":null}", tenant.auth()).status()).isEqualTo(422);
        assertThat(api.get("/v1/contacts/" + id, tenant.auth()).json()).containsEntry("name", "Grace");
        assertThat(api.get("/v1/contacts?q=%20", tenant.auth()).status()).isEqualTo(422);
        assertThat(api.get("/v1/contacts?deleted=true&q=Grace", tenant.auth()).status()).isEqualTo(422);
        assertThat(api.get("/v1/contacts?hasEmail=maybe", tenant.auth()).status()).isEqualTo(422);
        assertThat(ids("/v1/contacts")).containsExactly(id);
    }
}
