package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invitations through the real HTTP server: inviting, accepting as a new or an existing person, logging in
 * afterwards, and every way an invitation can no longer be used; refusals write nothing.
 */
@MicronautTest(transactional = false)
class InvitationApiTest extends ServiceTest {

    Tenant acme;
    String ownerEmail;
    String[] owner;

    @BeforeEach
    void signUpAcmeWithAnOwner() {
        ownerEmail = uniqueEmail();
        acme = signUpWithOwner(ownerEmail);
        owner = userAuth(ownerEmail, acme.slug());
    }

    private ApiClient.Response invite(String email, String roles, String[] auth) {
        return api.post("/v1/invitations", """
                {"email": "%s", "roles": %s}""".formatted(email, roles), auth);
    }

    private String invitedToken(String email, String roles) {
        var response = invite(email, roles, owner);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.string("token");
    }

    /** Accepts; a display name gets a unique suffix, as people's names are not unique keys anywhere. */
    private ApiClient.Response accept(String token, String password, String displayName, String... auth) {
        var body = password == null
                ? "{\"token\": \"%s\"}".formatted(token)
                : "{\"token\": \"%s\", \"password\": \"%s\", \"displayName\": \"%s\"}".formatted(token, password,
                        displayName + " " + UUID.randomUUID().toString().substring(0, 8));
        return api.post("/v1/invitations/accept", body, auth);
    }

    private static String[] bearer(ApiClient.Response login) {
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new String[] {"Authorization", "Bearer " + login.string("accessToken")};
    }

    @Test
    void aNewPersonIsInvitedAcceptsLogsInAndIsAMember() throws SQLException {
        var email = uniqueEmail();

        var invited = invite(email, "[\"member\"]", owner);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.header("Cache-Control")).isEqualTo("no-store");
        assertThat(invited.header("ETag")).isEqualTo("\"1\"");
        assertThat(invited.string("email")).isEqualTo(email);
        assertThat(invited.string("status")).isEqualTo("pending");
        assertThat(invited.json().get("roles")).isEqualTo(List.of("member"));
        assertThat(invited.string("token")).matches("tci_[A-Za-z0-9_-]{86}");
        assertThat(invited.string("expiresAt")).isNotNull();
        var id = invited.string("id");

        var listed = api.get("/v1/invitations", owner);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.items()).singleElement().satisfies(item -> {
            assertThat(item.get("id")).isEqualTo(id);
            assertThat(item.get("status")).isEqualTo("pending");
            assertThat(item).doesNotContainKeys("token", "tokenHash");
        });
        assertThat(listed.body()).doesNotContain(invited.string("token"));

        var accepted = accept(invited.string("token"), PASSWORD, "Grace Hopper");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.string("organizationId")).isEqualTo(acme.organizationId().toString());
        assertThat(accepted.json().get("roles")).isEqualTo(List.of("member"));
        assertThat(accepted.json().get("newAccount")).isEqualTo(true);
        assertThat(accepted.body()).doesNotContain(PASSWORD, "argon2");
        assertThat(accepted.header("Cache-Control")).isEqualTo("no-store");
        var tokens = accepted.object("tokens");
        assertThat(tokens.get("organizationId")).isEqualTo(acme.organizationId().toString());
        assertThat(tokens.get("userId")).isEqualTo(accepted.string("userId"));
        assertThat(tokens.get("refreshToken").toString()).startsWith("tcr_");
        var straightIn = new String[] {"Authorization", "Bearer " + tokens.get("accessToken")};
        assertThat(api.get("/v1/me", straightIn).string("organizationId")).isEqualTo(acme.organizationId().toString());
        var refreshed = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + tokens.get("refreshToken") + "\"}");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);

        var login = logIn(email, acme.slug());
        var grace = bearer(login);
        assertThat(login.string("userId")).isEqualTo(accepted.string("userId"));
        assertThat(login.string("organizationId")).isEqualTo(acme.organizationId().toString());
        assertThat(login.json().get("permissions").toString()).contains("tasks:write").doesNotContain("members:manage");
        var me = api.get("/v1/me", grace);
        assertThat(me.string("email")).isEqualTo(email);
        assertThat(me.object("profile").get("displayName").toString()).startsWith("Grace Hopper ");
        assertThat(api.post("/v1/tasks", "{\"title\":\"By Grace\"}", grace).status()).isEqualTo(201);

        var afterwards = api.get("/v1/invitations", owner).items().getFirst();
        assertThat(afterwards.get("status")).isEqualTo("accepted");
        assertThat(afterwards.get("email")).as("cleared on acceptance").isNull();
        assertThat(afterwards.get("acceptedBy")).isEqualTo(accepted.string("userId"));
        assertThat(storedEmailOf(id)).isNull();

        var again = accept(invited.string("token"), PASSWORD, "Grace Hopper");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.string("detail")).contains("already been accepted");
    }

    @Test
    void aPersonOfAnotherOrganizationJoinsWithTheirOwnPasswordAndGetsATokenForEachOrganization() {
        var adaEmail = uniqueEmail();
        var globex = signUpWithOwner(adaEmail);
        var acmeTask = createTask(acme, "{\"title\":\"Acme's\"}");
        var globexTask = createTask(globex, "{\"title\":\"Globex's\"}");

        var accepted = accept(invitedToken(adaEmail.toUpperCase(), "[\"viewer\"]"), PASSWORD, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("newAccount")).isEqualTo(false);
        assertThat(accepted.object("tokens").get("organizationId")).as("the password proved the person")
                .isEqualTo(acme.organizationId().toString());

        var inAcme = logIn(adaEmail, acme.slug());
        var inGlobex = logIn(adaEmail, globex.slug());
        assertThat(inAcme.string("userId")).isEqualTo(inGlobex.string("userId"))
                .isEqualTo(accepted.string("userId"));
        assertThat(inAcme.string("organizationId")).isEqualTo(acme.organizationId().toString());
        assertThat(inGlobex.string("organizationId")).isEqualTo(globex.organizationId().toString());
        assertThat(inAcme.json().get("permissions").toString()).doesNotContain("tasks:write");
        assertThat(inGlobex.json().get("permissions").toString()).contains("tasks:write", "members:manage");

        var acmeAuth = bearer(inAcme);
        var globexAuth = bearer(inGlobex);
        assertThat(api.get("/v1/tasks", acmeAuth).items()).extracting(task -> task.get("id"))
                .containsExactly(acmeTask);
        assertThat(api.get("/v1/tasks", globexAuth).items()).extracting(task -> task.get("id"))
                .containsExactly(globexTask);
        assertThat(api.get("/v1/tasks/" + globexTask, acmeAuth).status()).isEqualTo(404);
        assertThat(api.post("/v1/tasks", "{\"title\":\"a viewer writes\"}", acmeAuth).status()).isEqualTo(403);
        assertThat(api.get("/v1/organization", acmeAuth).string("id")).isEqualTo(acme.organizationId().toString());
        assertThat(api.get("/v1/organization", globexAuth).string("id"))
                .isEqualTo(globex.organizationId().toString());
    }

    @Test
    void anInvitationAloneMakesNobodyAMemberAndSaysNothingAboutTheAddress() throws SQLException {
        var adaEmail = uniqueEmail();
        var globex = signUpWithOwner(adaEmail);
        var forAda = invitedToken(adaEmail, "[\"owner\"]");
        var forNobody = invitedToken(uniqueEmail(), "[\"owner\"]");

        var adaWithoutPassword = accept(forAda, null, null);
        var nobodyWithoutPassword = accept(forNobody, null, null);
        assertUnprocessable(adaWithoutPassword, "password");
        assertThat(adaWithoutPassword.json()).as("the same answer whether or not the address has an account")
                .isEqualTo(nobodyWithoutPassword.json());

        var guessed = accept(forAda, "a guessed passphrase", "Ada");
        assertThat(guessed.status()).as(guessed.toString()).isEqualTo(401);
        assertThat(guessed.body()).doesNotContain("tokens");
        assertThat(pendingInvitations()).isEqualTo(2);
        var members = api.get("/v1/members", acme.auth()).items();
        assertThat(members).extracting(member -> member.get("email")).doesNotContain(adaEmail);
        assertThat(logIn(adaEmail, globex.slug()).status()).as("Ada's own login still works").isEqualTo(200);
    }

    @Test
    void aSignedInPersonAcceptsTheirOwnInvitationButNotSomeoneElses() throws SQLException {
        var adaEmail = uniqueEmail();
        var globex = signUpWithOwner(adaEmail);
        var ada = userAuth(adaEmail, globex.slug());
        var forGrace = invitedToken(uniqueEmail(), "[\"member\"]");
        var forAda = invitedToken(adaEmail, "[\"member\"]");

        var refused = accept(forGrace, PASSWORD, "Not Grace", ada);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        var joined = accept(forAda, null, null, ada);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.object("tokens").get("organizationId")).as("signed in already: tokens for the new one")
                .isEqualTo(acme.organizationId().toString());

        var withAKey = accept(forGrace, PASSWORD, "A key", acme.auth());
        assertThat(withAKey.status()).as(withAKey.toString()).isEqualTo(403);
        assertThat(pendingInvitations()).isEqualTo(1);
    }

    @Test
    void expiredRevokedAndUnknownTokensAreRefusedDistinctlyAndWriteNothing() throws SQLException {
        var expiredEmail = uniqueEmail();
        var expired = invite(expiredEmail, "[\"member\"]", owner);
        expire(expired.string("id"));
        var revokedEmail = uniqueEmail();
        var revoked = invite(revokedEmail, "[\"member\"]", owner);
        assertThat(api.delete("/v1/invitations/" + revoked.string("id"), owner).status()).isEqualTo(204);
        assertThat(api.delete("/v1/invitations/" + revoked.string("id"), owner).status()).as("idempotent")
                .isEqualTo(204);
        var token = revoked.string("token");
        var forged = token.substring(0, token.length() - 20) + (token.endsWith("A") ? "B" : "A").repeat(20);
        var before = writesOf(acme);

        var expiredAnswer = accept(expired.string("token"), PASSWORD, "Late");
        var revokedAnswer = accept(token, PASSWORD, "Too late");
        var forgedAnswer = accept(forged, PASSWORD, "Forger");
        var randomAnswer = accept("tci_" + "A".repeat(86), PASSWORD, "Guesser");
        var garbageAnswer = accept("not-a-token", PASSWORD, "Guesser");

        assertThat(expiredAnswer.status()).as(expiredAnswer.toString()).isEqualTo(409);
        assertThat(expiredAnswer.string("detail")).contains("expired");
        assertThat(revokedAnswer.status()).as(revokedAnswer.toString()).isEqualTo(409);
        assertThat(revokedAnswer.string("detail")).contains("revoked");
        for (var unknown : List.of(forgedAnswer, randomAnswer, garbageAnswer)) {
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unknown.body()).isEqualTo(randomAnswer.body());
        }
        assertThat(writesOf(acme)).isEqualTo(before);
        assertThat(accountExists(expiredEmail)).isFalse();
        assertThat(accountExists(revokedEmail)).isFalse();
        var statuses = api.get("/v1/invitations", owner).items().stream().map(item -> item.get("status")).toList();
        assertThat(statuses).containsExactlyInAnyOrder("expired", "revoked");
    }

    @Test
    void anExpiredInvitationMakesWayForANewOneButAnOpenOneDoesNot() throws SQLException {
        var email = uniqueEmail();
        var first = invite(email, "[\"member\"]", owner);

        var second = invite(email.toUpperCase(), "[\"viewer\"]", owner);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);

        expire(first.string("id"));
        var renewed = invite(email, "[\"viewer\"]", owner);
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(201);
        assertThat(accept(renewed.string("token"), PASSWORD, "Renewed").status()).isEqualTo(200);
    }

    @Test
    void aMemberCannotBeInvitedAgain() {
        var invited = invite(ownerEmail.toUpperCase(), "[\"viewer\"]", owner);

        assertThat(invited.status()).as(invited.toString()).isEqualTo(409);
        assertThat(invited.string("detail")).contains("member");
    }

    @Test
    void withoutMembersManageNobodyInvitesListsOrRevokesAndNothingIsWritten() throws SQLException {
        var memberEmail = uniqueEmail();
        assertThat(accept(invitedToken(memberEmail, "[\"member\"]"), PASSWORD, "Member").status()).isEqualTo(200);
        var member = userAuth(memberEmail, acme.slug());
        var defaultKey = api.post("/v1/api-keys", "{\"name\":\"default role\"}", acme.auth());
        assertThat(defaultKey.status()).as(defaultKey.toString()).isEqualTo(201);
        var keyAuth = new String[] {"Authorization", "Bearer " + defaultKey.string("token")};
        var open = invite(uniqueEmail(), "[\"viewer\"]", owner).string("id");
        var before = writesOf(acme);

        for (var auth : List.of(member, keyAuth)) {
            var invited = invite(uniqueEmail(), "[\"viewer\"]", auth);
            assertThat(invited.status()).as(invited.toString()).isEqualTo(403);
            assertThat(invited.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/v1/invitations", auth).status()).isEqualTo(403);
            assertThat(api.delete("/v1/invitations/" + open, auth).status()).isEqualTo(403);
        }
        assertThat(invite(uniqueEmail(), "[\"viewer\"]", new String[0]).status()).isEqualTo(401);
        assertThat(writesOf(acme)).isEqualTo(before);
    }

    @Test
    void nobodyGrantsMoreThanTheyHoldAndOnlyAnOwnerInvitesAnOwner() throws SQLException {
        var adminEmail = uniqueEmail();
        assertThat(accept(invitedToken(adminEmail, "[\"admin\"]"), PASSWORD, "Admin").status()).isEqualTo(200);
        var admin = userAuth(adminEmail, acme.slug());
        var before = writesOf(acme);

        var asOwner = invite(uniqueEmail(), "[\"owner\"]", admin);
        assertThat(asOwner.status()).as(asOwner.toString()).isEqualTo(403);
        assertThat(writesOf(acme)).isEqualTo(before);

        assertThat(invite(uniqueEmail(), "[\"admin\", \"member\"]", admin).status()).isEqualTo(201);
        assertThat(invite(uniqueEmail(), "[\"owner\"]", owner).status()).isEqualTo(201);
    }

    @Test
    void badInputIsAClientErrorNamingTheFieldAndWritesNothing() throws SQLException {
        var before = writesOf(acme);

        assertUnprocessable(invite("not an address", "[\"member\"]", owner), "email");
        assertUnprocessable(invite(uniqueEmail(), "[]", owner), "roles");
        assertUnprocessable(invite(uniqueEmail(), "[\"wizard\"]", owner), "roles");
        assertUnprocessable(invite(uniqueEmail(), "[\"Member\"]", owner), "roles");
        assertUnprocessable(api.post("/v1/invitations", """
                {"email": "%s", "roles": ["member"], "expiresInDays": 31}""".formatted(uniqueEmail()), owner),
                "expiresInDays");
        assertUnprocessable(api.post("/v1/invitations", """
                {"email": "%s", "roles": ["member"], "expiresInDays": 0}""".formatted(uniqueEmail()), owner),
                "expiresInDays");
        assertUnprocessable(api.post("/v1/invitations/accept", "{}"), "token");
        assertThat(writesOf(acme)).isEqualTo(before);

        var token = invitedToken(uniqueEmail(), "[\"member\"]");
        var afterInvite = writesOf(acme);
        assertUnprocessable(accept(token, null, null), "password");
        assertUnprocessable(accept(token, "too short", "Grace"), "password");
        assertUnprocessable(api.post("/v1/invitations/accept", """
                {"token": "%s", "password": "%s"}""".formatted(token, PASSWORD)), "displayName");
        assertThat(writesOf(acme)).isEqualTo(afterInvite);
        assertThat(accept(token, PASSWORD, "Grace").status()).isEqualTo(200);
    }

    @Test
    void revokingAnAcceptedInvitationIsAConflictAndAStaleIfMatchIsRefused() {
        var invited = invite(uniqueEmail(), "[\"member\"]", owner);
        var stale = api.delete("/v1/invitations/" + invited.string("id"), owner[0], owner[1], "If-Match", "\"5\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

        assertThat(accept(invited.string("token"), PASSWORD, "Grace").status()).isEqualTo(200);
        var revoked = api.delete("/v1/invitations/" + invited.string("id"), owner);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(409);
        assertThat(api.delete("/v1/invitations/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
    }

    private static void assertUnprocessable(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + field + "\"");
    }

    // The database's view, as a superuser: ground truth and test set-up only.

    /** Test set-up only: moves the expiry into the past, in a transaction for the organization (the audit log's). */
    private void expire(String invitationId) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser()) {
            connection.setAutoCommit(false);
            try (var settings = connection.prepareStatement("SELECT set_config('app.organization_id', ?, true)");
                    var statement = connection.prepareStatement(
                            "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = ?")) {
                settings.setString(1, acme.organizationId().toString());
                settings.execute();
                statement.setObject(1, UUID.fromString(invitationId));
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }

    private String storedEmailOf(String invitationId) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement("SELECT email FROM invitations WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(invitationId));
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private long pendingInvitations() throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement("""
                        SELECT count(*) FROM invitations
                        WHERE organization_id = ? AND accepted_at IS NULL AND revoked_at IS NULL""")) {
            statement.setObject(1, acme.organizationId());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private boolean accountExists(String email) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement("SELECT count(*) FROM users WHERE email = ?::citext")) {
            statement.setString(1, email);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** What the organization's rows look like: invitations, memberships and their roles, and the audit log. */
    private String writesOf(Tenant tenant) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser(); var statement = connection.prepareStatement("""
                SELECT coalesce((SELECT string_agg(i::text, ',' ORDER BY id) FROM invitations i
                                 WHERE organization_id = ?), '')
                    || coalesce((SELECT string_agg(m::text, ',' ORDER BY user_id) FROM memberships m
                                 WHERE organization_id = ?), '')
                    || coalesce((SELECT string_agg(r::text, ',' ORDER BY user_id, role_id) FROM user_roles r
                                 WHERE organization_id = ?), '')
                    || (SELECT count(*) FROM audit_events WHERE organization_id = ?)
                    || '/' || (SELECT count(*) FROM users)""")) {
            for (int i = 1; i <= 4; i++) {
                statement.setObject(i, tenant.organizationId());
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
