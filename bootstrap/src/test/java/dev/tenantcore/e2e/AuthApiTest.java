package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing up with an owner, logging in, refreshing, logging out, lockout: through the real HTTP server. */
@MicronautTest(transactional = false)
class AuthApiTest extends ServiceTest {

    @Test
    void anOwnerLogsInAndActsAsAUserOfThatOrganization() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);

        var login = logIn(email, tenant.slug());

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(login.string("tokenType")).isEqualTo("Bearer");
        assertThat(login.string("organizationId")).isEqualTo(tenant.organizationId().toString());
        assertThat(login.json().get("expiresIn")).isEqualTo(900);
        assertThat(login.string("refreshToken")).startsWith("tcr_");
        var auth = new String[] {"Authorization", "Bearer " + login.string("accessToken")};

        var me = api.get("/v1/me", auth);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.string("email")).isEqualTo(email);
        assertThat(me.string("organizationId")).isEqualTo(tenant.organizationId().toString());
        assertThat(me.object("profile").get("displayName")).isEqualTo("Owner of " + tenant.slug());
        assertThat(me.json().get("permissions").toString()).contains("tasks:write", "members:manage");
        assertThat(me.body()).doesNotContain("argon2", "password");

        var task = api.post("/v1/tasks", "{\"title\":\"Written by a user\"}", auth);
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        var events = api.get("/v1/audit-events?entityId=" + task.string("id"), auth);
        assertThat(events.items()).singleElement().satisfies(event -> assertThat(event.get("actor"))
                .isEqualTo(Map.of("type", "user", "id", login.string("userId"))));
    }

    @Test
    void theOrganizationMayBeNamedByIdAndTheAddressInAnyCase() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);

        assertThat(logIn(email.toUpperCase(), tenant.organizationId().toString()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordUnknownAddressAndNonMemberGetTheSameAnswer() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var other = signUp();

        var answers = new ArrayList<ApiClient.Response>();
        answers.add(api.post("/v1/auth/token", """
                {"email": "%s", "password": "a wrong password", "organization": "%s"}"""
                .formatted(email, tenant.slug())));
        answers.add(api.post("/v1/auth/token", """
                {"email": "%s", "password": "%s", "organization": "%s"}"""
                .formatted(uniqueEmail(), PASSWORD, tenant.slug())));
        answers.add(logIn(email, other.slug()));
        answers.add(logIn(email, "no-such-organization"));
        answers.add(api.post("/v1/auth/token", "{}"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).isEqualTo(answers.getFirst().body());
        });
    }

    @Test
    void aUserOfTwoOrganizationsGetsOneTokenPerOrganizationEachSeeingOnlyItsOwn() {
        var email = uniqueEmail();
        var acme = signUpWithOwner(email);
        var globex = signUpWithOwner(email); // the same account, signed in with its access token
        var acmeAuth = userAuth(email, acme.slug());
        var globexAuth = userAuth(email, globex.slug());
        var acmeTask = createTask(acme, "{\"title\":\"Acme's\"}");

        assertThat(api.get("/v1/tasks/" + acmeTask, acmeAuth).status()).isEqualTo(200);
        assertThat(api.get("/v1/tasks/" + acmeTask, globexAuth).status()).isEqualTo(404);
        assertThat(api.get("/v1/organization", globexAuth).string("id")).isEqualTo(globex.organizationId().toString());
        assertThat(api.get("/v1/me", acmeAuth).string("id")).isEqualTo(api.get("/v1/me", globexAuth).string("id"));
    }

    @Test
    void signUpWithAnExistingAddressIsTheSameConflictWhateverThePasswordAndChangesNothing() {
        var email = uniqueEmail();
        var first = signUpWithOwner(email);

        var guessed = signUpAnonymouslyAs(email, "not the owner's password");
        var right = signUpAnonymouslyAs(email, PASSWORD);

        assertThat(guessed.status()).as(guessed.toString()).isEqualTo(409);
        assertThat(right.status()).as("the right password is no key to sign-up: " + right).isEqualTo(409);
        assertThat(guessed.json()).isEqualTo(right.json());
        var owned = api.get("/v1/members", userAuth(email, first.slug())).items();
        assertThat(owned).hasSize(1);
    }

    @Test
    void anApiKeyCannotSignUpAnotherOrganizationAndASignedInPersonNamesNoOtherOwner() {
        var email = uniqueEmail();
        var first = signUpWithOwner(email);
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 18);

        var withKey = api.post("/v1/organizations", "{\"name\":\"Keyed\",\"slug\":\"" + slug + "\"}", first.auth());
        assertThat(withKey.status()).as(withKey.toString()).isEqualTo(403);

        var withOwner = api.post("/v1/organizations", """
                {"name": "Two owners", "slug": "%s",
                 "owner": {"email": "%s", "password": "%s", "displayName": "Eve"}}"""
                .formatted(slug, uniqueEmail(), PASSWORD), userAuth(email, first.slug()));
        assertThat(withOwner.status()).as(withOwner.toString()).isEqualTo(422);
        assertThat(withOwner.body()).contains("\"owner\"");

        var signedIn = api.post("/v1/organizations", "{\"name\":\"Mine\",\"slug\":\"" + slug + "\"}",
                userAuth(email, first.slug()));
        assertThat(signedIn.status()).as("the slug is still free: " + signedIn).isEqualTo(201);
        assertThat(logIn(email, slug).status()).isEqualTo(200);
    }

    private ApiClient.Response signUpAnonymouslyAs(String email, String password) {
        return api.post("/v1/organizations", """
                {"name": "Imposter", "slug": "imposter-%s",
                 "owner": {"email": "%s", "password": "%s", "displayName": "Eve"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 18), email, password));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var first = logIn(email, tenant.slug()).string("refreshToken");

        var second = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.string("refreshToken")).isNotEqualTo(first);
        assertThat(api.get("/v1/me", "Authorization", "Bearer " + second.string("accessToken")).status())
                .isEqualTo(200);

        var reuse = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        var afterReuse = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + second.string("refreshToken") + "\"}");
        assertThat(afterReuse.status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndAnswers204WhateverItIsGiven() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var refresh = logIn(email, tenant.slug()).string("refreshToken");

        assertThat(api.post("/v1/auth/logout", "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(204);
        assertThat(api.post("/v1/auth/logout", "{\"refreshToken\":\"tcr_nonsense\"}").status()).isEqualTo(204);
        assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfter() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var wrong = """
                {"email": "%s", "password": "a wrong password", "organization": "%s"}""".formatted(email, tenant.slug());
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/v1/auth/token", wrong).status()).isEqualTo(401);
        }

        var refused = logIn(email, tenant.slug()); // even the right password, while locked
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 900);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anApiKeyIsNobodysAccount() {
        var tenant = signUp();
        var me = api.get("/v1/me", tenant.auth());
        assertThat(me.status()).as(me.toString()).isEqualTo(403);
    }

    @Test
    void aTamperedAccessTokenIsAnUnexplained401() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var token = logIn(email, tenant.slug()).string("accessToken");
        var parts = token.split("\\.");
        var tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        var withTampered = api.get("/v1/tasks", "Authorization", "Bearer " + tampered);
        var withNonsense = api.get("/v1/tasks", "Authorization", "Bearer nonsense");
        assertThat(withTampered.status()).isEqualTo(401);
        assertThat(withTampered.body()).isEqualTo(withNonsense.body());
    }
}
