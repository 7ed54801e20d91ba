package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.identity.adapter.persistence.PersonalDataScan;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import dev.tenantcore.support.TestMemberships;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caller's own account over HTTP: profile, preferences, password, export, erasure. */
@MicronautTest(transactional = false)
class MeApiTest extends ServiceTest {
    private static final String NEW_PASSWORD = "a much longer and newer passphrase";

    String email;
    Tenant home;
    String[] me;
    ApiClient.Response login;

    @BeforeEach
    void signUpAndLogIn() {
        email = uniqueEmail();
        home = signUpWithOwner(email);
        login = logIn(email, home.slug());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        me = new String[] {"Authorization", "Bearer " + login.string("accessToken")};
    }

    private String[] with(String[] auth, String... more) {
        var all = new String[auth.length + more.length];
        System.arraycopy(auth, 0, all, 0, auth.length);
        System.arraycopy(more, 0, all, auth.length, more.length);
        return all;
    }

    private UUID userId() {
        return UUID.fromString(login.string("userId"));
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.body()).contains("\"" + field + "\"");
        }
    }

    @Test
    void getMeShowsProfileAndPreferencesWithTheirVersions() {
        var response = api.get("/v1/me", me);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.object("profile")).containsEntry("displayName", "Owner of " + home.slug())
                .containsEntry("version", 1).containsEntry("bio", null);
        assertThat(response.object("preferences")).containsEntry("emailNotifications", true)
                .containsEntry("theme", "system").containsEntry("settings", Map.of())
                .containsEntry("version", 1);
    }

    @Test
    void changesThePresentFieldsClearsNullsAndAnswersTheNewVersion() {
        // Unique: other tests look for their people in the shared database by what they hold.
        var name = "Ada Lovelace " + userId();
        var avatar = "https://cdn.example/" + userId() + ".png";
        var first = api.patch("/v1/me/profile", """
                {"displayName": "%s", "avatarUrl": "%s", "locale": "en-GB",
                 "timeZone": "Europe/London", "bio": "Analyst."}""".formatted(name, avatar), me);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");

        var second = api.patch("/v1/me/profile", "{\"bio\": null, \"locale\": \"pt-BR\"}",
                with(me, "If-Match", "\"2\""));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.header("ETag")).isEqualTo("\"3\"");
        assertThat(second.json()).containsEntry("displayName", name).containsEntry("bio", null)
                .containsEntry("locale", "pt-BR").containsEntry("timeZone", "Europe/London")
                .containsEntry("avatarUrl", avatar).containsEntry("version", 3);
        assertThat(api.get("/v1/me", me).object("profile")).isEqualTo(second.json());
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        api.patch("/v1/me/profile", "{\"bio\": \"First.\"}", me);

        var stale = api.patch("/v1/me/profile", "{\"bio\": \"Second.\"}", with(me, "If-Match", "\"1\""));

        assertProblem(stale, 412, null);
        assertThat(api.get("/v1/me", me).object("profile")).containsEntry("bio", "First.");
    }

    @Test
    void badInputIsAClientErrorNamingTheFieldAndChangesNothing() {
        var before = api.get("/v1/me", me).object("profile");

        assertProblem(api.patch("/v1/me/profile", "{\"locale\": \"english\"}", me), 422, "locale");
        assertProblem(api.patch("/v1/me/profile", "{\"avatarUrl\": \"ftp://cdn.example/a.png\"}", me), 422,
                "avatarUrl");
        assertProblem(api.patch("/v1/me/profile", "{\"avatarUrl\": \"https://x.example/" + "a".repeat(2000)
                + "\"}", me), 422, "avatarUrl");
        assertProblem(api.patch("/v1/me/profile", "{\"timeZone\": \"Mars/Olympus_Mons\"}", me), 422, "timeZone");
        assertProblem(api.patch("/v1/me/profile", "{\"bio\": \"" + "b".repeat(2001) + "\"}", me), 422, "bio");
        assertProblem(api.patch("/v1/me/profile", "{\"displayName\": null}", me), 422, "displayName");
        assertProblem(api.patch("/v1/me/profile", "{\"displayName\": \"  \"}", me), 422, "displayName");
        assertProblem(api.patch("/v1/me/profile", "{\"bio\": \"nul \\u0000 here\"}", me), 422, "bio");
        assertProblem(api.patch("/v1/me/profile", "{\"displayName\": 42}", me), 400, null);
        assertProblem(api.patch("/v1/me/profile", "{not json", me), 400, null);

        assertThat(api.get("/v1/me", me).object("profile")).isEqualTo(before);
    }

    @Test
    void changesThePresentFieldsAndReplacesTheSettingsWhole() {
        api.patch("/v1/me/preferences", "{\"settings\": {\"a\": 1, \"b\": {\"c\": [true, null]}}}", me);

        var response = api.patch("/v1/me/preferences",
                "{\"theme\": \"dark\", \"emailNotifications\": false, \"settings\": {\"b\": \"only\"}}",
                with(me, "If-Match", "\"2\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(response.json()).containsEntry("theme", "dark").containsEntry("emailNotifications", false)
                .containsEntry("settings", Map.of("b", "only"));
        assertThat(api.get("/v1/me", me).object("preferences")).isEqualTo(response.json());
    }

    @Test
    void badInputIsAClientErrorAndChangesNothing() {
        var before = api.get("/v1/me", me).object("preferences");
        var tooLarge = "{\"settings\": {\"k\": \"" + "x".repeat(64 * 1024) + "\"}}";

        assertProblem(api.patch("/v1/me/preferences", "{\"theme\": \"blue\"}", me), 422, "theme");
        assertProblem(api.patch("/v1/me/preferences", "{\"theme\": null}", me), 422, "theme");
        assertProblem(api.patch("/v1/me/preferences", "{\"settings\": [1, 2]}", me), 422, "settings");
        assertProblem(api.patch("/v1/me/preferences", "{\"settings\": \"text\"}", me), 422, "settings");
        assertProblem(api.patch("/v1/me/preferences", "{\"settings\": null}", me), 422, "settings");
        assertProblem(api.patch("/v1/me/preferences", tooLarge, me), 422, "settings");
        assertProblem(api.patch("/v1/me/preferences", "{\"settings\": {\"k\": \"\\u0000\"}}", me), 422,
                "settings");
        assertProblem(api.patch("/v1/me/preferences", "{\"emailNotifications\": null}", me), 422,
                "emailNotifications");
        assertProblem(api.patch("/v1/me/preferences", "{\"emailNotifications\": \"yes\"}", me), 400, null);
        assertProblem(api.patch("/v1/me/preferences", "{\"theme\": \"dark\"}", with(me, "If-Match", "\"9\"")),
                412, null);

        assertThat(api.get("/v1/me", me).object("preferences")).isEqualTo(before);
    }

    @Test
    void deeplyNestedSettingsAreRefusedCleanly() {
        var deep = "{\"settings\": " + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}";

        var response = api.patch("/v1/me/preferences", deep, me);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
    }

    private String body(String current, String next) {
        return "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + next + "\"}";
    }

    @Test
    void changingItRevokesEverySessionInEveryOrganization() {
        var elsewhere = signUpWithOwner(email);
        var elsewhereLogin = logIn(email, elsewhere.slug());

        var response = api.post("/v1/me/password", body(PASSWORD, NEW_PASSWORD), me);

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        for (var refreshToken : List.of(login.string("refreshToken"), elsewhereLogin.string("refreshToken"))) {
            var refresh = api.post("/v1/auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
            assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
        }
        assertThat(logIn(email, home.slug()).status()).isEqualTo(401);
        var withNew = api.post("/v1/auth/token", "{\"email\": \"%s\", \"password\": \"%s\", \"organization\": \"%s\"}"
                .formatted(email, NEW_PASSWORD, home.slug()));
        assertThat(withNew.status()).as(withNew.toString()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsForbiddenAndAfterRepeatedGuessesThrottled() {
        var wrong = api.post("/v1/me/password", body("not the password!", NEW_PASSWORD), me);

        assertProblem(wrong, 403, null);
        assertThat(wrong.string("detail")).isEqualTo("currentPassword is wrong");
        for (int i = 0; i < 4; i++) {
            api.post("/v1/me/password", body("not the password!", NEW_PASSWORD), me);
        }
        var throttled = api.post("/v1/me/password", body(PASSWORD, NEW_PASSWORD), me);
        assertProblem(throttled, 429, null);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(logIn(email, home.slug()).status()).as("the login is locked as well").isEqualTo(429);
        var refresh = api.post("/v1/auth/refresh", "{\"refreshToken\": \"" + login.string("refreshToken") + "\"}");
        assertThat(refresh.status()).as("nothing was revoked").isEqualTo(200);
    }

    @Test
    void badInputNamesTheField() {
        assertProblem(api.post("/v1/me/password", body(PASSWORD, "short"), me), 422, "newPassword");
        assertProblem(api.post("/v1/me/password", body(PASSWORD, PASSWORD), me), 422, "newPassword");
        assertProblem(api.post("/v1/me/password", "{\"newPassword\": \"" + NEW_PASSWORD + "\"}", me), 422,
                "currentPassword");
        assertProblem(api.post("/v1/me/password", "{\"currentPassword\": 5, \"newPassword\": \"x\"}", me), 400,
                null);
        assertThat(logIn(email, home.slug()).status()).as("unchanged").isEqualTo(200);
    }

    @Test
    void neitherPasswordAppearsInAnyAnswer() {
        var wrong = api.post("/v1/me/password", body("my secret guess!", "another secret!!"), me);
        var invalid = api.post("/v1/me/password", body(PASSWORD, "tiny"), me);

        assertThat(wrong.body() + invalid.body()).doesNotContain("my secret guess!").doesNotContain("tiny\"")
                .doesNotContain(PASSWORD).doesNotContain("another secret!!");
    }

    @Test
    void holdsEverythingAboutTheCallerAndNoSecret() throws SQLException {
        var elsewhere = signUpWithOwner(email);
        logIn(email, elsewhere.slug());
        var task = api.post("/v1/tasks", "{\"title\": \"Mine\"}", me);
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        api.patch("/v1/me/profile", "{\"bio\": \"Exported.\"}", me);

        var response = api.get("/v1/me/export", me);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Content-Disposition")).startsWith("attachment;");
        assertThat(response.object("account")).containsEntry("email", email)
                .containsEntry("id", userId().toString());
        assertThat(response.object("credentials")).containsEntry("passwordSet", true)
                .containsKey("passwordChangedAt");
        assertThat(response.object("profile")).containsEntry("bio", "Exported.");
        assertThat(response.object("preferences")).containsEntry("theme", "system");
        @SuppressWarnings("unchecked")
        var memberships = (List<Map<String, Object>>) response.json().get("memberships");
        assertThat(memberships).extracting(membership -> membership.get("organizationId"))
                .containsExactlyInAnyOrder(home.organizationId().toString(), elsewhere.organizationId().toString());
        assertThat(memberships).filteredOn(membership -> membership.get("organizationId")
                .equals(home.organizationId().toString())).singleElement()
                .satisfies(membership -> assertThat(membership.get("roles")).isEqualTo(List.of("owner")));
        assertThat(memberships).filteredOn(membership -> membership.get("organizationId")
                .equals(elsewhere.organizationId().toString())).singleElement()
                .satisfies(membership -> assertThat(membership.get("roles")).isNull());
        @SuppressWarnings("unchecked")
        var sessions = (List<Map<String, Object>>) response.json().get("sessions");
        // Logged in at home, to sign up elsewhere (an existing person signs up with their token), and elsewhere.
        assertThat(sessions).hasSize(3);
        var auditLog = response.object("auditLog");
        assertThat(auditLog).containsEntry("organizationId", home.organizationId().toString());
        @SuppressWarnings("unchecked")
        var events = (List<Map<String, Object>>) auditLog.get("events");
        assertThat(events).extracting(event -> event.get("entityId")).contains(task.string("id"));
        assertThat(events).allSatisfy(event -> assertThat(actorOf(event.get("id").toString()))
                .isEqualTo(userId()));
        assertThat(response.json().get("notes").toString()).contains("other organizations");
        assertThat(response.body()).doesNotContain("$argon2id").doesNotContain("tokenHash")
                .doesNotContain("token_hash").doesNotContain(login.string("refreshToken"))
                .doesNotContain(PASSWORD);
    }

    private UUID actorOf(String eventId) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement("SELECT actor_id FROM audit_events WHERE id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLastOwnerOfAnOrganizationIsRefusedAndKeepsEverything() {
        var response = api.delete("/v1/me", me);

        assertProblem(response, 409, null);
        assertThat(response.string("detail")).contains(home.organizationId().toString());
        assertThat(api.get("/v1/me", me).status()).isEqualTo(200);
        assertThat(logIn(email, home.slug()).status()).isEqualTo(200);
    }

    @Test
    void erasesEverythingButOpaqueIdsInTheAuditLogAndTheTokenStopsWorking() throws SQLException {
        var coOwner = uniqueEmail();
        var coOwnerId = UUID.fromString(logIn(coOwner, signUpWithOwner(coOwner).slug()).string("userId"));
        TestMemberships.add(home.organizationId(), coOwnerId, "owner");
        var elsewhere = signUpWithOwner(uniqueEmail());
        TestMemberships.add(elsewhere.organizationId(), userId(), "member");
        var assigned = api.post("/v1/tasks", "{\"title\": \"Mine\", \"assigneeId\": \"" + userId() + "\"}", me);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        api.patch("/v1/me/profile", "{\"displayName\": \"Erasable " + userId() + "\"}", me);
        var needles = new String[] {userId().toString(), email, "Erasable " + userId()};
        assertThat(PersonalDataScan.find(needles).outsideTheAuditLog()).containsKeys("users", "memberships");

        var response = api.delete("/v1/me", me);

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        var traces = PersonalDataScan.find(needles);
        assertThat(traces.outsideTheAuditLog()).as("tables holding the id, address or name").isEmpty();
        assertThat(traces.inTheAuditLog()).isNotEmpty()
                .allSatisfy((table, found) -> assertThat(found).containsExactly(userId().toString()));

        for (var call : List.of(api.get("/v1/me", me), api.get("/v1/me/export", me),
                api.patch("/v1/me/profile", "{\"bio\": \"ghost\"}", me), api.delete("/v1/me", me),
                api.post("/v1/tasks", "{\"title\": \"Ghost\"}", me), api.get("/v1/tasks", me))) {
            assertThat(call.status()).as(call.toString()).isEqualTo(401);
        }
        assertThat(logIn(email, home.slug()).status()).isEqualTo(401);
        var refresh = api.post("/v1/auth/refresh", "{\"refreshToken\": \"" + login.string("refreshToken") + "\"}");
        assertThat(refresh.status()).isEqualTo(401);
        var coOwnerLogin = logIn(coOwner, home.slug());
        assertThat(coOwnerLogin.status()).as("the other owner carries on").isEqualTo(200);
        var task = api.get("/v1/tasks/" + assigned.string("id"),
                "Authorization", "Bearer " + coOwnerLogin.string("accessToken"));
        assertThat(task.json()).as(task.toString()).containsEntry("assigneeId", null);
    }

    @Test
    void theAddressIsFreeForANewAccountAfterwards() {
        var coOwner = uniqueEmail();
        var coOwnerId = UUID.fromString(logIn(coOwner, signUpWithOwner(coOwner).slug()).string("userId"));
        TestMemberships.add(home.organizationId(), coOwnerId, "owner");
        assertThat(api.delete("/v1/me", me).status()).isEqualTo(204);

        var again = signUpWithOwner(email);

        var newLogin = logIn(email, again.slug());
        assertThat(newLogin.status()).isEqualTo(200);
        assertThat(newLogin.string("userId")).isNotEqualTo(userId().toString());
    }

    @Test
    void apiKeysAreRefusedOnEveryMeEndpointAndChangeNothing() {
        var before = api.get("/v1/me", me).body();
        var calls = List.of(api.get("/v1/me", home.auth()),
                api.patch("/v1/me/profile", "{\"bio\": \"key\"}", home.auth()),
                api.patch("/v1/me/preferences", "{\"theme\": \"dark\"}", home.auth()),
                api.post("/v1/me/password", "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \""
                        + NEW_PASSWORD + "\"}", home.auth()),
                api.get("/v1/me/export", home.auth()),
                api.delete("/v1/me", home.auth()));

        for (var call : calls) {
            assertProblem(call, 403, null);
        }
        assertThat(api.get("/v1/me", me).body()).isEqualTo(before);
    }

    @Test
    void withoutACredentialEveryMeEndpointIsUnauthorized() {
        for (var call : List.of(api.get("/v1/me"), api.patch("/v1/me/profile", "{}"),
                api.patch("/v1/me/preferences", "{}"), api.post("/v1/me/password", "{}"), api.get("/v1/me/export"),
                api.delete("/v1/me"))) {
            assertThat(call.status()).as(call.toString()).isEqualTo(401);
        }
    }
}
