package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets a 4xx problem+json that says what is wrong, never a 5xx, and writes nothing.
 */
@MicronautTest(transactional = false)
class BadInputTest extends ServiceTest {

    record Case(String name, String method, String path, String body, int status, String field) {
    }

    Tenant tenant;
    String taskId;

    @BeforeEach
    void seed() {
        tenant = signUp();
        taskId = createTask(tenant, "{\"title\":\"Existing\"}");
    }

    List<Case> cases() {
        var task = "/v1/tasks/" + taskId;
        return List.of(
                new Case("malformed JSON", "POST", "/v1/tasks", "{\"title\":", 400, null),
                new Case("not an object", "POST", "/v1/tasks", "[1,2]", 400, null),
                new Case("empty body", "POST", "/v1/tasks", "", 400, null),
                new Case("title an object", "POST", "/v1/tasks", "{\"title\":{\"a\":1}}", 400, null),
                new Case("title a number", "POST", "/v1/tasks", "{\"title\":123}", 400, null),
                new Case("completed a number", "POST", "/v1/tasks", "{\"title\":\"t\",\"completed\":1}", 400, null),
                new Case("completed not a boolean", "POST", "/v1/tasks", "{\"title\":\"t\",\"completed\":\"maybe\"}", 400, null),
                new Case("due date not an instant", "POST", "/v1/tasks", "{\"title\":\"t\",\"dueDate\":\"tomorrow\"}", 400, null),
                new Case("trailing garbage", "POST", "/v1/tasks", "{\"title\":\"a\"} garbage", 400, null),
                new Case("two values", "POST", "/v1/tasks", "{\"title\":\"a\"}{\"title\":\"b\"}", 400, null),
                new Case("duplicate key", "POST", "/v1/tasks", "{\"title\":\"first\",\"title\":\"second\"}", 400,
                        "title"),
                new Case("duplicate nested key", "POST", "/v1/organizations",
                        "{\"name\":\"n\",\"slug\":\"dup-key\",\"owner\":{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}}",
                        400, "owner.email"),
                new Case("lone surrogate", "POST", "/v1/tasks", "{\"title\":\"A\\ud800B\"}", 400, "title"),
                new Case("lone low surrogate", "PATCH", task, "{\"description\":\"\\udc00\"}", 400, "description"),
                new Case("due date a number", "POST", "/v1/tasks", "{\"title\":\"t\",\"dueDate\":123}", 400, "dueDate"),
                new Case("due date a huge number", "PATCH", task, "{\"dueDate\":1e308}", 400, "dueDate"),
                new Case("key expiry a number", "POST", "/v1/api-keys", "{\"name\":\"k\",\"expiresAt\":0}", 400,
                        "expiresAt"),
                new Case("assignee not a UUID", "POST", "/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"x\"}", 400,
                        "assigneeId"),
                new Case("missing title", "POST", "/v1/tasks", "{}", 422, "title"),
                new Case("NUL in title", "POST", "/v1/tasks", "{\"title\":\"a\\u0000b\"}", 422, "title"),
                new Case("NUL in description", "PATCH", task, "{\"description\":\"\\u0000\"}", 422, "description"),
                new Case("due date beyond PostgreSQL", "POST", "/v1/tasks",
                        "{\"title\":\"t\",\"dueDate\":\"+999999999-12-31T23:59:59Z\"}", 422, "dueDate"),
                new Case("due date before year 1", "PATCH", task, "{\"dueDate\":\"-4714-01-01T00:00:00Z\"}", 422, "dueDate"),
                new Case("key expiry beyond PostgreSQL", "POST", "/v1/api-keys",
                        "{\"name\":\"k\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}", 422, "expiresAt"),
                new Case("blank title", "POST", "/v1/tasks", "{\"title\":\"  \"}", 422, "title"),
                new Case("over-long title", "POST", "/v1/tasks", "{\"title\":\"" + "x".repeat(201) + "\"}", 422, "title"),
                new Case("over-long description", "POST", "/v1/tasks",
                        "{\"title\":\"t\",\"description\":\"" + "x".repeat(10_001) + "\"}", 422, "description"),
                new Case("patch: malformed JSON", "PATCH", task, "{\"title\"", 400, null),
                new Case("patch: wrong type", "PATCH", task, "{\"completed\":[true]}", 400, null),
                new Case("patch: boolean as string", "PATCH", task, "{\"completed\":\"true\"}", 400, null),
                new Case("patch: title a boolean", "PATCH", task, "{\"title\":false}", 400, null),
                new Case("patch: over-long title", "PATCH", task, "{\"title\":\"" + "x".repeat(201) + "\"}", 422, "title"),
                new Case("id not a UUID", "GET", "/v1/tasks/42", null, 400, "id"),
                new Case("patch id not a UUID", "PATCH", "/v1/tasks/nope", "{\"title\":\"t\"}", 400, "id"),
                new Case("limit too small", "GET", "/v1/tasks?limit=0", null, 422, "limit"),
                new Case("limit too large", "GET", "/v1/tasks?limit=101", null, 422, "limit"),
                new Case("limit beyond int", "GET", "/v1/tasks?limit=99999999999", null, 400, "limit"),
                new Case("limit not a number", "GET", "/v1/tasks?limit=ten", null, 400, "limit"),
                new Case("bad cursor", "GET", "/v1/tasks?cursor=not-ours", null, 400, "cursor"),
                new Case("completed filter not a boolean", "GET", "/v1/tasks?completed=maybe", null, 422, "completed"),
                new Case("dueBefore not an instant", "GET", "/v1/tasks?dueBefore=yesterday", null, 400, "dueBefore"),
                new Case("dueBefore beyond PostgreSQL", "GET", "/v1/tasks?dueBefore=%2B999999999-12-31T23:59:59Z", null, 422,
                        "dueBefore"),
                new Case("api key without name", "POST", "/v1/api-keys", "{}", 422, "name"),
                new Case("api key id not a UUID", "DELETE", "/v1/api-keys/xyz", null, 400, "id"),
                new Case("organization name blank", "PATCH", "/v1/organization", "{\"name\":\"\"}", 422, "name"),
                new Case("sign-up without slug", "POST", "/v1/organizations", "{\"name\":\"n\"}", 422, "slug"));
    }

    @Test
    void eachBadInputGetsAClearClientErrorAndChangesNothing() throws SQLException {
        var before = snapshot();
        var softly = new SoftAssertions();
        for (var bad : cases()) {
            var response = api.send(bad.method(), bad.path(), bad.body(), tenant.auth());

            softly.assertThat(response.status()).as(bad.name() + ": " + response).isEqualTo(bad.status());
            softly.assertThat(response.header("Content-Type")).as(bad.name()).isEqualTo("application/problem+json");
            var problem = response.json();
            softly.assertThat(problem).as(bad.name()).containsKeys("type", "title", "status", "detail");
            softly.assertThat(problem.get("status")).as(bad.name()).isEqualTo(bad.status());
            softly.assertThat(String.valueOf(problem.get("detail"))).as(bad.name()).isNotBlank()
                    .doesNotContain("Exception");
            softly.assertThat(response.body()).as(bad.name() + ": no Java names").doesNotContain("dev.tenantcore",
                    "class ", "java.", "Exception", "[Source");
            if (bad.field() != null) {
                softly.assertThat(String.valueOf(problem.get("errors"))).as(bad.name() + ": " + response)
                        .contains("field=" + bad.field() + ",");
            }
        }
        softly.assertAll();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        var unknown = api.get("/v1/nothing-here", tenant.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");

        var wrongMethod = api.send("PUT", "/v1/tasks/" + taskId, "{}", tenant.auth());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).isEqualTo("application/problem+json");
    }

    /** Every row of every tenant table, as text: any write at all would change it. */
    private String snapshot() throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var statement = superuser.createStatement();
                var rows = statement.executeQuery("""
                        SELECT (SELECT string_agg(o::text, ',' ORDER BY id) FROM organizations o)
                            || (SELECT coalesce(string_agg(k::text, ',' ORDER BY id), '') FROM api_keys k)
                            || (SELECT coalesce(string_agg(t::text, ',' ORDER BY id), '') FROM tasks t)""")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
