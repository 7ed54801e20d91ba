package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in and linking accounts through OpenID Connect providers, end to end: the service runs with three
 * providers served by an in-process OpenID provider (MockOAuth2Server on a free port), and each test drives the
 * browser's part by hand: follow the redirect to the provider, which issues a code at once for the identity
 * enqueued, then bring the code and the cookies back to the callback.
 * <ul>
 *   <li>{@code acme-sso}: may create accounts (allow-sign-up), never links by address;</li>
 *   <li>{@code corp}: trusted with addresses (link-by-verified-email);</li>
 *   <li>{@code plain}: no Tenantcore settings, so linked subjects only.</li>
 * </ul>
 */
@MicronautTest(transactional = false)
class OidcLoginApiTest extends ServiceTest {
    private static final String CLIENT_ID = "tenantcore-test";
    private static final String FLOW_COOKIE = "TENANTCORE_OIDC_";
    private static final String PROBLEMS = "https://tenantcore.dev/problems/";
    private static final String FRONT_END = "https://app.example.com";

    private MockOAuth2Server provider;
    /** A provider that is down when the service starts: its server starts during a test, on this port. */
    private MockOAuth2Server flakyProvider;
    private int flakyPort;
    @Inject
    MemberProvisioning members;
    @Inject
    TenantTransactions transactions;

    @Override
    public Map<String, String> getProperties() {
        provider = new MockOAuth2Server();
        provider.start();
        var properties = new HashMap<>(super.getProperties());
        for (var name : List.of("acme-sso", "corp", "plain")) {
            var client = "tenantcore.oidc.providers." + name + ".";
            properties.put(client + "client-id", CLIENT_ID);
            properties.put(client + "client-secret", "not-a-real-secret");
            properties.put(client + "issuer", provider.issuerUrl(name).toString());
        }
        flakyPort = freePort();
        properties.put("tenantcore.oidc.providers.flaky.client-id", CLIENT_ID);
        properties.put("tenantcore.oidc.providers.flaky.client-secret", "not-a-real-secret");
        properties.put("tenantcore.oidc.providers.flaky.issuer", "http://localhost:" + flakyPort + "/flaky");
        properties.put("tenantcore.oidc.providers.acme-sso.allow-sign-up", "true");
        properties.put("tenantcore.oidc.provider-recheck", "1h");
        properties.put("tenantcore.oidc.return-addresses", FRONT_END + "/after-login," + FRONT_END + "/signed-out");
        properties.put("tenantcore.oidc.providers.corp.link-by-verified-email", "true");
        // The providers' reachability is a health detail and a metric, which operators see (on the management port
        // in production).
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        properties.put("endpoints.prometheus.enabled", "true");
        properties.put("endpoints.prometheus.sensitive", "false");
        return properties;
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
        if (flakyProvider != null) {
            flakyProvider.shutdown();
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- the browser ---------------------------------------------------------------------------------------------

    /** A browser's cookie jar, enough for one flow: name to value, as the service and Micronaut set them. */
    static final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        void keep(ApiClient.Response response) {
            response.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(header -> header.getValue().stream())
                    .forEach(setCookie -> {
                        var pair = setCookie.split(";", 2)[0];
                        var name = pair.substring(0, pair.indexOf('='));
                        var value = pair.substring(pair.indexOf('=') + 1);
                        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                            cookies.remove(name);
                        } else {
                            cookies.put(name, value);
                        }
                    });
        }

        List<String> flowCookies() {
            return cookies.keySet().stream().filter(name -> name.startsWith(FLOW_COOKIE)).toList();
        }

        Browser copy() {
            var copy = new Browser();
            copy.cookies.putAll(cookies);
            return copy;
        }

        String[] cookieHeader() {
            return cookies.isEmpty() ? new String[0] : new String[] {"Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))};
        }
    }

    /** A flow that was started and went through the provider: the callback URL it returned with. */
    record AtCallback(Browser browser, String callbackUrl) {
    }

    private static Map<String, Object> claims(String email, boolean verified, String name) {
        var claims = new HashMap<String, Object>();
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", verified);
        }
        if (name != null) {
            claims.put("name", name);
        }
        return claims;
    }

    /** Sends the browser to the provider, which vouches for {@code subject} with these claims. */
    private AtCallback throughProvider(String providerName, Browser browser, String authorizationUrl,
            String subject, Map<String, Object> claims) {
        var issuing = "flaky".equals(providerName) ? flakyProvider : provider;
        issuing.enqueueCallback(new DefaultOAuth2TokenCallback(providerName, subject, JOSEObjectType.JWT.getType(),
                null, claims, 3600));
        var atProvider = api.get(authorizationUrl);
        assertThat(atProvider.status()).as(atProvider.toString()).isBetween(301, 303);
        var callback = atProvider.header("Location");
        assertThat(callback).startsWith(server.getURI().resolve("/v1/auth/oidc/" + providerName + "/callback")
                .toString());
        return new AtCallback(browser, callback);
    }

    private AtCallback startLogin(String providerName, String organization, String subject,
            Map<String, Object> claims) {
        return startLogin(new Browser(), providerName, organization, subject, claims);
    }

    private AtCallback startLogin(Browser browser, String providerName, String organization, String subject,
            Map<String, Object> claims) {
        var before = browser.flowCookies().size();
        var start = api.get("/v1/auth/oidc/" + providerName + "/authorize?organization=" + organization,
                browser.cookieHeader());
        assertThat(start.status()).as(start.toString()).isEqualTo(302);
        browser.keep(start);
        assertThat(browser.flowCookies()).as("one cookie per flow").hasSize(before + 1);
        return throughProvider(providerName, browser, start.header("Location"), subject, claims);
    }

    private ApiClient.Response finish(AtCallback flow) {
        var response = api.get(flow.callbackUrl(), flow.browser().cookieHeader());
        assertThat(response.status()).as(response.toString()).isLessThan(500);
        flow.browser().keep(response);
        return response;
    }

    private ApiClient.Response logInThrough(String providerName, String organization, String subject,
            Map<String, Object> claims) {
        return finish(startLogin(providerName, organization, subject, claims));
    }

    private ApiClient.Response link(String[] auth, String providerName, String subject, Map<String, Object> claims) {
        var browser = new Browser();
        var start = api.post("/v1/me/external-logins/" + providerName, null, auth);
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        assertThat(start.header("Cache-Control")).isEqualTo("no-store");
        browser.keep(start);
        return finish(throughProvider(providerName, browser, start.string("authorizationUrl"), subject, claims));
    }

    private static String[] bearer(ApiClient.Response tokens) {
        return new String[] {"Authorization", "Bearer " + tokens.string("accessToken")};
    }

    private static String subject() {
        return "subject-" + UUID.randomUUID();
    }

    /** Test set-up only: the membership a finished invitation would create, through the service's provisioning. */
    private void addMember(UUID organizationId, UUID userId, String role) {
        var organization = new OrganizationId(organizationId);
        transactions.write(organization, () -> {
            members.addMember(organization, new UserId(userId), Set.of(role));
            return null;
        });
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                var rows = new ArrayList<Map<String, Object>>();
                while (result.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnName(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    // --- logging in ----------------------------------------------------------------------------------------------

    @Test
    void aLoginThatEndsWithoutAMembershipCreatesNothingEvenWithSignUpAllowed() throws SQLException {
        var tenant = signUp();
        var email = uniqueEmail();

        var first = logInThrough("acme-sso", tenant.slug(), subject(), claims(email, true, "Grace Hopper"));

        assertThat(first.status()).as(first.toString()).isEqualTo(401);
        assertThat(first.string("type")).isEqualTo(PROBLEMS + "oidc-not-a-member");
        assertThat(rows("SELECT id FROM users WHERE email = ?::citext", email)).as("no orphan account").isEmpty();
        var signUp = api.post("/v1/organizations", """
                {"name":"Grace's","slug":"%s","owner":{"email":"%s","password":"correct horse battery staple",
                 "displayName":"Grace"}}""".formatted("g-" + UUID.randomUUID().toString().substring(0, 8), email));
        assertThat(signUp.status()).as("the address is free for a sign-up: " + signUp).isEqualTo(201);
    }

    @Test
    void aLinkedMemberLogsInAndTheTokensWork() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var sub = subject();
        assertThat(link(userAuth(email, tenant.slug()), "acme-sso", sub, claims(email, true, null)).status())
                .isEqualTo(201);

        var login = logInThrough("acme-sso", tenant.slug(), sub, claims(email, true, "Grace Hopper"));

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(login.string("tokenType")).isEqualTo("Bearer");
        assertThat(login.string("organizationId")).isEqualTo(tenant.organizationId().toString());
        assertThat(login.string("refreshToken")).startsWith("tcr_");
        assertThat(login.body()).doesNotContain("id_token", "code=");
        var me = api.get("/v1/me", bearer(login));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.string("email")).isEqualTo(email);
        assertThat(me.json().get("permissions").toString()).contains("tasks:write");
        var refreshed = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + login.string("refreshToken") + "\"}");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    }

    @Test
    void twoLoginsStartedInOneBrowserBothFinish() {
        var email = uniqueEmail();
        var home = signUpWithOwner(email);
        var second = signUp();
        var sub = subject();
        var auth = userAuth(email, home.slug());
        assertThat(link(auth, "plain", sub, claims(null, false, null)).status()).isEqualTo(201);
        var userId = api.get("/v1/me", auth).string("id");
        addMember(second.organizationId(), UUID.fromString(userId), "member");
        var browser = new Browser();

        var toHome = startLogin(browser, "plain", home.slug(), sub, claims(null, false, null));
        var toSecond = startLogin(browser, "plain", second.slug(), sub, claims(null, false, null));
        assertThat(browser.flowCookies()).hasSize(2);
        var first = finish(toHome);
        assertThat(browser.flowCookies()).as("the other tab's flow goes on").hasSize(1);
        var then = finish(toSecond);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.string("organizationId")).isEqualTo(home.organizationId().toString());
        assertThat(then.status()).as(then.toString()).isEqualTo(200);
        assertThat(then.string("organizationId")).isEqualTo(second.organizationId().toString());
        assertThat(browser.flowCookies()).as("every flow cookie is gone").isEmpty();
    }

    @Test
    void everyCallbackEndsItsFlowAndAFinishedFlowCannotBeReplayed() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var sub = subject();
        assertThat(link(userAuth(email, tenant.slug()), "plain", sub, claims(null, false, null)).status())
                .isEqualTo(201);
        var flow = startLogin("plain", tenant.slug(), sub, claims(null, false, null));
        var cookiesBefore = flow.browser().copy();

        var first = finish(flow);
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plain", sub, JOSEObjectType.JWT.getType(), null,
                Map.of(), 3600));
        var replay = api.get(flow.callbackUrl(), cookiesBefore.cookieHeader());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(flow.browser().flowCookies()).isEmpty();
        assertThat(replay.status()).as(replay.toString()).isEqualTo(401);
        assertThat(replay.string("type")).isEqualTo(PROBLEMS + "oidc-provider-error");
        var failed = finish(startLogin("plain", tenant.slug(), subject(), claims(null, false, null)));
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(h -> h.getValue().stream()))
                .as("a failed callback ends its flow too")
                .anySatisfy(cookie -> assertThat(cookie).startsWith(FLOW_COOKIE).contains("=;")
                        .containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void aVerifiedAddressOfAnExistingAccountDoesNotEnterItWithoutTheProvidersTrust() throws SQLException {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);

        var unverified = logInThrough("acme-sso", tenant.slug(), subject(), claims(email, false, null));
        var verified = logInThrough("acme-sso", tenant.slug(), subject(), claims(email, true, null));
        var plain = logInThrough("plain", tenant.slug(), subject(), claims(email, true, null));

        assertThat(unverified.status()).as(unverified.toString()).isEqualTo(401);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(409);
        assertThat(verified.header("Content-Type")).startsWith("application/problem+json");
        assertThat(verified.string("detail")).contains("log in to it and link acme-sso");
        assertThat(plain.status()).isEqualTo(409);
        assertThat(rows("""
                SELECT l.id FROM user_external_logins l JOIN users u ON u.id = l.user_id
                WHERE u.email = ?::citext""", email)).isEmpty();
    }

    @Test
    void aProviderTrustedWithAddressesLinksTheExistingAccount() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var owner = logIn(email, tenant.slug());
        var sub = subject();

        var viaCorp = logInThrough("corp", tenant.slug(), sub, claims(email.toUpperCase(), true, "Someone Else"));

        assertThat(viaCorp.status()).as(viaCorp.toString()).isEqualTo(200);
        assertThat(viaCorp.string("userId")).isEqualTo(owner.string("userId"));
        var links = api.get("/v1/me/external-logins", bearer(viaCorp));
        assertThat(links.status()).as(links.toString()).isEqualTo(200);
        assertThat(links.items()).singleElement().satisfies(link -> {
            assertThat(link.get("provider")).isEqualTo("corp");
            assertThat(link.get("subject")).isEqualTo(sub);
            assertThat(link.get("emailAtProvider")).isEqualTo(email.toUpperCase());
            assertThat(link.get("linkedAt")).isNotNull();
        });
        var me = api.get("/v1/me", bearer(viaCorp));
        assertThat(me.object("profile").get("displayName")).as("an existing profile is left alone")
                .isEqualTo("Owner of " + tenant.slug());
    }

    @Test
    void aNonMemberAnUnknownOrganizationAndAnUnknownSubjectGetOneAnswer() {
        var email = uniqueEmail();
        var home = signUpWithOwner(email);
        var elsewhere = signUp();
        var sub = subject();
        var linked = link(userAuth(email, home.slug()), "plain", sub, claims(null, false, null));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);

        var viaProvider = logInThrough("plain", elsewhere.slug(), sub, claims(null, false, null));
        var unknownOrganization = logInThrough("plain", "no-such-organization", sub, claims(null, false, null));
        var unknownSubject = logInThrough("plain", home.slug(), subject(), claims(null, false, null));

        for (var answer : List.of(viaProvider, unknownOrganization, unknownSubject)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.string("type")).isEqualTo(PROBLEMS + "oidc-not-a-member");
            assertThat(answer.body()).isEqualTo(viaProvider.body());
        }
        assertThat(logInThrough("plain", home.slug(), sub, claims(null, false, null)).status()).isEqualTo(200);
    }

    // --- handing a login over to a front end ----------------------------------------------------------------------

    private AtCallback startLoginReturningTo(String returnTo, String organization, String subject,
            Map<String, Object> claims) {
        var browser = new Browser();
        var start = api.get("/v1/auth/oidc/plain/authorize?organization=" + organization + "&returnTo="
                + java.net.URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        assertThat(start.status()).as(start.toString()).isEqualTo(302);
        browser.keep(start);
        return throughProvider("plain", browser, start.header("Location"), subject, claims);
    }

    @Test
    void aLoginWithAReturnAddressSendsTheBrowserThereWithAOneTimeCodeForTheTokens() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var sub = subject();
        assertThat(link(userAuth(email, tenant.slug()), "plain", sub, claims(null, false, null)).status())
                .isEqualTo(201);
        var flow = startLoginReturningTo(FRONT_END + "/after-login?tab=2", tenant.slug(), sub,
                claims(null, false, null));

        var back = finish(flow);

        assertThat(back.status()).as(back.toString()).isEqualTo(303);
        var location = back.header("Location");
        assertThat(location).startsWith(FRONT_END + "/after-login?tab=2&code=tcx_")
                .doesNotContain("tcr_", "eyJ", "access", "token");
        assertThat(back.body()).isNullOrEmpty();
        assertThat(flow.browser().flowCookies()).as("the flow cookie is gone").isEmpty();
        var code = location.substring(location.indexOf("code=") + 5);
        var asRefreshToken = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + code + "\"}");
        var exchanged = api.post("/v1/auth/oidc/exchange", "{\"code\":\"" + code + "\"}");
        var again = api.post("/v1/auth/oidc/exchange", "{\"code\":\"" + code + "\"}");

        assertThat(asRefreshToken.status()).as("a code is no refresh token").isEqualTo(401);
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
        assertThat(exchanged.header("Cache-Control")).isEqualTo("no-store");
        assertThat(exchanged.string("organizationId")).isEqualTo(tenant.organizationId().toString());
        assertThat(api.get("/v1/me", bearer(exchanged)).string("email")).isEqualTo(email);
        assertThat(again.status()).as("single use").isEqualTo(401);
        var refreshed = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + exchanged.string("refreshToken")
                + "\"}");
        assertThat(refreshed.status()).as("a replayed code revokes what it gave").isEqualTo(401);
    }

    @Test
    void aFailedLoginWithAReturnAddressSendsTheBrowserThereWithTheCause() {
        var tenant = signUp();

        var notMember = finish(startLoginReturningTo(FRONT_END + "/after-login", tenant.slug(), subject(),
                claims(null, false, null)));
        // Cancelled at the provider: it sends the browser back with an error, and never issues a token.
        var browser = new Browser();
        var start = api.get("/v1/auth/oidc/plain/authorize?organization=" + tenant.slug() + "&returnTo="
                + java.net.URLEncoder.encode(FRONT_END + "/after-login", StandardCharsets.UTF_8));
        browser.keep(start);
        var state = queryOf(URI.create(start.header("Location"))).get("state");
        var cancelled = api.get("/v1/auth/oidc/plain/callback?error=access_denied&state=" + state,
                browser.cookieHeader());

        assertThat(notMember.status()).isEqualTo(303);
        assertThat(notMember.header("Location")).isEqualTo(FRONT_END + "/after-login?error=oidc-not-a-member");
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.header("Location")).isEqualTo(FRONT_END + "/after-login?error=oidc-login-cancelled");
    }

    @Test
    void onlyConfiguredReturnAddressesAreAccepted() {
        var tenant = signUp();
        for (var returnTo : List.of("https://evil.example/after-login", "https://app.example.com.evil.example/",
                "https://app.example.com/after-login-elsewhere", "https://app.example.com/", "http://app.example.com/after-login",
                "https://app.example.com:8443/after-login", "https://user@app.example.com/after-login",
                "https://app.example.com/after-login#fragment", "https://app.example.com/after-login/../admin",
                "javascript:alert(1)", "/after-login")) {
            var start = api.get("/v1/auth/oidc/plain/authorize?organization=" + tenant.slug() + "&returnTo="
                    + java.net.URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
            assertThat(start.status()).as(returnTo + ": " + start).isEqualTo(422);
            assertThat(start.string("errors")).contains("returnTo");
        }
        assertThat(api.get("/v1/auth/oidc/plain/authorize?organization=" + tenant.slug() + "&returnTo="
                + java.net.URLEncoder.encode(FRONT_END + "/after-login/deep?x=1", StandardCharsets.UTF_8)).status())
                .isEqualTo(302);
    }

    @Test
    void malformedOrUnknownCodesAreRefused() {
        for (var body : List.of("{\"code\":\"tcx_nope\"}", "{\"code\":\"tcr_nope\"}", "{\"code\":\"\"}")) {
            var answer = api.post("/v1/auth/oidc/exchange", body);
            assertThat(answer.status()).as(body + ": " + answer).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.post("/v1/auth/oidc/exchange", "{}").status()).isBetween(400, 422);
    }

    // --- logging out everywhere ----------------------------------------------------------------------------------

    private String[] linkedOwner(String providerName, String sub) {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var auth = userAuth(email, tenant.slug());
        assertThat(link(auth, providerName, sub, claims(null, false, null)).status()).isEqualTo(201);
        return new String[] {tenant.slug(), email};
    }

    @Test
    void aLoginsTokensMustGoBackToTheProviderWithinTheRecheckInterval() {
        var sub = subject();
        var owner = linkedOwner("plain", sub);

        var viaProvider = logInThrough("plain", owner[0], sub, claims(null, false, null));
        var withPassword = logIn(owner[1], owner[0]);
        var refreshed = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + viaProvider.string("refreshToken")
                + "\"}");

        var recheckBy = java.time.Instant.now().plus(java.time.Duration.ofHours(1)).plusSeconds(5);
        assertThat(java.time.Instant.parse(viaProvider.string("refreshTokenExpiresAt"))).isBefore(recheckBy);
        assertThat(java.time.Instant.parse(refreshed.string("refreshTokenExpiresAt")))
                .as("refreshing does not extend it").isBefore(recheckBy);
        assertThat(java.time.Instant.parse(withPassword.string("refreshTokenExpiresAt")))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(29)));
    }

    @Test
    void rpInitiatedLogoutSendsTheBrowserToTheProviderWithItsIdTokenAsHint() {
        var sub = subject();
        var owner = linkedOwner("plain", sub);
        var flow = startLogin("plain", owner[0], sub, claims(null, false, null));
        assertThat(finish(flow).status()).isEqualTo(200);
        var idToken = flow.browser().cookies.get("TENANTCORE_ID_TOKEN_plain");
        assertThat(idToken).as("kept by the browser for the logout").startsWith("eyJ");

        var logout = api.get("/v1/auth/oidc/plain/logout?returnTo="
                + java.net.URLEncoder.encode(FRONT_END + "/signed-out", StandardCharsets.UTF_8),
                flow.browser().cookieHeader());
        var elsewhere = api.get("/v1/auth/oidc/plain/logout?returnTo="
                + java.net.URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));

        assertThat(logout.status()).as(logout.toString()).isEqualTo(302);
        var location = URI.create(logout.header("Location"));
        var query = queryOf(location);
        assertThat(location.toString()).startsWith(provider.issuerUrl("plain").toString());
        assertThat(query.get("id_token_hint")).isEqualTo(idToken);
        assertThat(java.net.URLDecoder.decode(query.get("post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo(FRONT_END + "/signed-out");
        flow.browser().keep(logout);
        assertThat(flow.browser().cookies).as("the hint is used once").doesNotContainKey("TENANTCORE_ID_TOKEN_plain");
        assertThat(elsewhere.status()).isEqualTo(422);
    }

    private ApiClient.Response backChannelLogout(String providerName, String logoutToken) {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/v1/auth/oidc/" + providerName
                        + "/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("logout_token="
                        + java.net.URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().map(), response.body(),
                    api.get("/health").mapper());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String logoutToken(String issuerId, String sub, String audience, Map<String, Object> extra) {
        var claims = new HashMap<String, Object>(Map.of("events",
                Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()),
                "jti", UUID.randomUUID().toString()));
        claims.putAll(extra);
        return provider.issueToken(issuerId, sub, audience, claims).serialize();
    }

    @Test
    void backChannelLogoutRevokesTheSubjectsLoginsThroughTheProviderAndNothingElse() {
        var sub = subject();
        var owner = linkedOwner("plain", sub);
        var viaProvider = logInThrough("plain", owner[0], sub, claims(null, false, null));
        var withPassword = logIn(owner[1], owner[0]);
        var token = logoutToken("plain", sub, CLIENT_ID, Map.of());

        var loggedOut = backChannelLogout("plain", token);
        var replayed = backChannelLogout("plain", token);

        assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(204);
        assertThat(loggedOut.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + viaProvider.string("refreshToken") + "\"}")
                .status()).as("the provider's session is over here too").isEqualTo(401);
        assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + withPassword.string("refreshToken")
                + "\"}").status()).as("a password login is not the provider's").isEqualTo(200);
        assertThat(replayed.status()).as("jti seen before: " + replayed).isEqualTo(400);
        assertThat(replayed.string("type")).isEqualTo(PROBLEMS + "oidc-logout-token-invalid");
    }

    @Test
    void backChannelLogoutWithASessionIdEndsThatSessionOnly() {
        var sub = subject();
        var owner = linkedOwner("plain", sub);
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plain", sub, JOSEObjectType.JWT.getType(), null,
                Map.of("sid", "session-1"), 3600));
        var first = finish(startLoginWithoutEnqueue("plain", owner[0]));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plain", sub, JOSEObjectType.JWT.getType(), null,
                Map.of("sid", "session-2"), 3600));
        var second = finish(startLoginWithoutEnqueue("plain", owner[0]));

        var loggedOut = backChannelLogout("plain", logoutToken("plain", sub, CLIENT_ID, Map.of("sid", "session-1")));

        assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(204);
        assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + first.string("refreshToken") + "\"}")
                .status()).isEqualTo(401);
        assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + second.string("refreshToken") + "\"}")
                .status()).isEqualTo(200);
    }

    private AtCallback startLoginWithoutEnqueue(String providerName, String organization) {
        var browser = new Browser();
        var start = api.get("/v1/auth/oidc/" + providerName + "/authorize?organization=" + organization);
        browser.keep(start);
        var atProvider = api.get(start.header("Location"));
        assertThat(atProvider.status()).as(atProvider.toString()).isBetween(301, 303);
        return new AtCallback(browser, atProvider.header("Location"));
    }

    @Test
    void invalidLogoutTokensAreRefusedWith400() {
        var sub = subject();
        linkedOwner("plain", sub);
        var answers = new LinkedHashMap<String, ApiClient.Response>();
        answers.put("another issuer", backChannelLogout("plain", logoutToken("corp", sub, CLIENT_ID, Map.of())));
        answers.put("another audience", backChannelLogout("plain", logoutToken("plain", sub, "someone-else",
                Map.of())));
        answers.put("a nonce", backChannelLogout("plain", logoutToken("plain", sub, CLIENT_ID,
                Map.of("nonce", "n"))));
        answers.put("no event", backChannelLogout("plain", provider.issueToken("plain", sub, CLIENT_ID,
                Map.of("jti", UUID.randomUUID().toString())).serialize()));
        answers.put("an ID token", backChannelLogout("plain", provider.issueToken("plain", sub, CLIENT_ID, Map.of())
                .serialize()));
        answers.put("garbage", backChannelLogout("plain", "not-a-jwt"));
        answers.put("nothing", backChannelLogout("plain", ""));

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer).isEqualTo(400);
            assertThat(answer.string("type")).as(what).isEqualTo(PROBLEMS + "oidc-logout-token-invalid");
        });
        assertThat(backChannelLogout("nope", "x").status()).isEqualTo(404);
    }

    // --- a provider that is down ----------------------------------------------------------------------------------

    @Test
    void aProviderDownAtStartUpFailsItsLoginsWith503AndServesThemAgainOnceItIsBack() throws InterruptedException {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var auth = userAuth(email, tenant.slug());

        var down = api.get("/v1/auth/oidc/flaky/authorize?organization=" + tenant.slug());
        var linkWhileDown = api.post("/v1/me/external-logins/flaky", null, auth);
        var health = api.get("/health");

        for (var answer : List.of(down, linkWhileDown)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.string("type")).isEqualTo(PROBLEMS + "oidc-provider-unavailable");
            assertThat(answer.string("detail")).contains("flaky");
            assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 8);
        }
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(health.body()).contains("\"oidcProviders\"").contains("\"flaky\":{\"reachable\":false");
        assertThat(api.get("/prometheus").body())
                .contains("tenantcore_oidc_provider_reachable{provider=\"flaky\"} 0.0");
        assertThat(api.get("/v1/auth/oidc/plain/authorize?organization=" + tenant.slug()).status())
                .as("the other providers are unaffected").isEqualTo(302);

        flakyProvider = new MockOAuth2Server();
        flakyProvider.start(flakyPort);
        var again = down;
        for (int attempt = 0; attempt < 10 && again.status() == 503; attempt++) {
            Thread.sleep(Long.parseLong(again.header("Retry-After")) * 1000); // as a client told to wait does
            again = api.get("/v1/auth/oidc/flaky/authorize?organization=" + tenant.slug());
        }

        assertThat(again.status()).as("back without a restart: " + again).isEqualTo(302);
        var sub = subject();
        assertThat(link(auth, "flaky", sub, claims(null, false, null)).status()).isEqualTo(201);
        var login = logInThrough("flaky", tenant.slug(), sub, claims(null, false, null));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(api.get("/health").body()).contains("\"flaky\":{\"reachable\":true");
        assertThat(api.get("/prometheus").body())
                .contains("tenantcore_oidc_provider_reachable{provider=\"flaky\"} 1.0");
    }

    // --- linking -------------------------------------------------------------------------------------------------

    @Test
    void anAccountLinksASecondProviderAndThenLogsInThroughIt() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var auth = userAuth(email, tenant.slug());
        var firstSub = subject();
        var secondSub = subject();

        var first = link(auth, "plain", firstSub, claims("ada@elsewhere.example", true, null));
        var second = link(auth, "acme-sso", secondSub, claims(null, false, null));
        var again = link(auth, "acme-sso", secondSub, claims(null, false, null));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.string("provider")).isEqualTo("plain");
        assertThat(first.string("subject")).isEqualTo(firstSub);
        assertThat(first.string("emailAtProvider")).isEqualTo("ada@elsewhere.example");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(again.status()).as("linking again changes nothing").isEqualTo(200);
        assertThat(again.string("id")).isEqualTo(second.string("id"));
        var list = api.get("/v1/me/external-logins", auth);
        assertThat(list.items()).extracting(link -> link.get("id"))
                .containsExactly(first.string("id"), second.string("id"));
        assertThat(list.json()).containsKey("nextCursor");

        var viaSecond = logInThrough("acme-sso", tenant.slug(), secondSub, claims(null, false, null));
        assertThat(viaSecond.status()).as(viaSecond.toString()).isEqualTo(200);
        assertThat(api.get("/v1/me", bearer(viaSecond)).string("email")).isEqualTo(email);
    }

    @Test
    void aProviderAccountLinkedToSomeoneElseCannotBeLinkedAgain() {
        var ada = uniqueEmail();
        var grace = uniqueEmail();
        var adaTenant = signUpWithOwner(ada);
        var graceTenant = signUpWithOwner(grace);
        var sub = subject();
        assertThat(link(userAuth(ada, adaTenant.slug()), "plain", sub, claims(null, false, null)).status())
                .isEqualTo(201);

        var stolen = link(userAuth(grace, graceTenant.slug()), "plain", sub, claims(null, false, null));

        assertThat(stolen.status()).as(stolen.toString()).isEqualTo(409);
        assertThat(api.get("/v1/me/external-logins", userAuth(grace, graceTenant.slug())).items()).isEmpty();
    }

    @Test
    void unlinkingKeepsAWayToLogIn() throws SQLException {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var sub = subject();
        assertThat(link(userAuth(email, tenant.slug()), "acme-sso", sub, claims(email, true, null)).status())
                .isEqualTo(201);
        withoutPassword(email);
        var auth = bearer(logInThrough("acme-sso", tenant.slug(), sub, claims(email, true, null)));
        var only = api.get("/v1/me/external-logins", auth).items().getFirst().get("id").toString();

        var refused = api.delete("/v1/me/external-logins/" + only, auth);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.string("detail")).contains("only way to log in");

        var other = link(auth, "plain", subject(), claims(null, false, null));
        assertThat(other.status()).isEqualTo(201);
        var removed = api.delete("/v1/me/external-logins/" + only, auth);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.delete("/v1/me/external-logins/" + other.string("id"), auth).status()).isEqualTo(409);
        assertThat(api.get("/v1/me/external-logins", auth).items()).extracting(link -> link.get("id"))
                .containsExactly(other.string("id"));
        assertThat(logInThrough("acme-sso", tenant.slug(), sub, claims(email, true, null)).status())
                .as("the unlinked subject logs in no more, and makes no second account").isEqualTo(409);
    }

    /** Test set-up only: an account that logs in through providers alone, as accounts made by them once were. */
    private static void withoutPassword(String email) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement("DELETE FROM user_credentials WHERE user_id = "
                        + "(SELECT id FROM users WHERE email = ?::citext)")) {
            statement.setString(1, email);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void anInvitationToAnAccountWithoutPasswordSaysHowToAcceptIt() throws SQLException {
        var email = uniqueEmail();
        signUpWithOwner(email);
        withoutPassword(email);
        var inviter = signUp();
        var invitation = api.post("/v1/invitations", "{\"email\":\"" + email + "\",\"roles\":[\"member\"]}",
                inviter.auth());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);

        var accepted = api.post("/v1/invitations/accept", "{\"token\":\"" + invitation.string("token")
                + "\",\"password\":\"correct horse battery staple\"}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
        assertThat(accepted.string("detail")).contains("no password", "identity provider");
    }

    @Test
    void anAccountWithAPasswordMayUnlinkItsOnlyProviderButNotSomeoneElses() {
        var ada = uniqueEmail();
        var adaTenant = signUpWithOwner(ada);
        var adaAuth = userAuth(ada, adaTenant.slug());
        var adas = link(adaAuth, "plain", subject(), claims(null, false, null));
        var grace = uniqueEmail();
        var graceTenant = signUpWithOwner(grace);
        var graceAuth = userAuth(grace, graceTenant.slug());
        var graces = link(graceAuth, "plain", subject(), claims(null, false, null));

        var foreign = api.delete("/v1/me/external-logins/" + graces.string("id"), adaAuth);
        var random = api.delete("/v1/me/external-logins/" + UUID.randomUUID(), adaAuth);
        var own = api.delete("/v1/me/external-logins/" + adas.string("id"), adaAuth);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(random.body());
        assertThat(own.status()).isEqualTo(204);
        assertThat(api.get("/v1/me/external-logins", adaAuth).items()).isEmpty();
        assertThat(api.get("/v1/me/external-logins", graceAuth).items()).hasSize(1);
    }

    @Test
    void apiKeysHaveNoProviderLinks() {
        var tenant = signUp();

        assertThat(api.get("/v1/me/external-logins", tenant.auth()).status()).isEqualTo(403);
        assertThat(api.post("/v1/me/external-logins/plain", null, tenant.auth()).status()).isEqualTo(403);
        assertThat(api.delete("/v1/me/external-logins/" + UUID.randomUUID(), tenant.auth()).status())
                .isEqualTo(403);
        assertThat(api.get("/v1/me/external-logins").status()).isEqualTo(401);
    }

    // --- what must be refused cleanly ----------------------------------------------------------------------------

    @Test
    void tamperedOrMissingFlowPartsAreRefusedWith401() throws SQLException {
        var tenant = signUp();
        var email = uniqueEmail();
        var sub = subject();
        var flow = startLogin("acme-sso", tenant.slug(), sub, claims(email, true, null));
        var callback = URI.create(flow.callbackUrl());
        var base = callback.getScheme() + "://" + callback.getRawAuthority() + callback.getRawPath();
        var query = queryOf(callback);
        var state = query.get("state");
        var code = query.get("code");
        var cookies = flow.browser().cookieHeader();
        var flowCookie = flow.browser().flowCookies().getFirst();
        var withoutFlowCookie = flow.browser().copy();
        withoutFlowCookie.cookies.remove(flowCookie);
        var forgedFlowCookie = flow.browser().copy();
        forgedFlowCookie.cookies.put(flowCookie, forged(flow.browser().cookies.get(flowCookie)));

        var answers = new LinkedHashMap<String, ApiClient.Response>();
        answers.put("tampered state", api.get(base + "?code=" + code + "&state=" + state + "x", cookies));
        answers.put("tampered code", api.get(base + "?code=" + code + "x&state=" + state, cookies));
        answers.put("no code", api.get(base + "?state=" + state, cookies));
        answers.put("cancelled at the provider", api.get(base + "?error=access_denied&state=" + state, cookies));
        answers.put("provider error", api.get(base + "?error=server_error&state=" + state, cookies));
        answers.put("no parameters", api.get(base, cookies));
        answers.put("no cookies", api.get(flow.callbackUrl()));
        answers.put("no flow cookie", api.get(flow.callbackUrl(), withoutFlowCookie.cookieHeader()));
        answers.put("forged flow cookie", api.get(flow.callbackUrl(), forgedFlowCookie.cookieHeader()));
        answers.put("another provider's callback", api.get(base.replace("/acme-sso/", "/plain/") + "?"
                + callback.getRawQuery(), cookies));
        var expectedTypes = Map.of("tampered code", "oidc-provider-error", "no code", "oidc-provider-error",
                "cancelled at the provider", "oidc-login-cancelled", "provider error", "oidc-provider-error");

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer).isEqualTo(401);
            assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(answer.string("type")).as(what)
                    .isEqualTo(PROBLEMS + expectedTypes.getOrDefault(what, "oidc-login-not-in-progress"));
            assertThat(answer.body()).as(what).doesNotContain(email, sub);
        });
        assertThat(answers.get("cancelled at the provider").string("detail")).contains("access_denied");
        assertThat(rows("SELECT id FROM users WHERE email = ?::citext", email)).as("nothing was created").isEmpty();
        // The provider spent the identity enqueued on the exchange of the tampered code: enqueue it again.
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("acme-sso", sub, JOSEObjectType.JWT.getType(), null,
                claims(email, true, null), 3600));
        var genuine = finish(flow);
        assertThat(genuine.status()).as("the genuine callback still works after all that").isEqualTo(401);
        assertThat(genuine.string("type")).isEqualTo(PROBLEMS + "oidc-not-a-member");
        assertThat(rows("SELECT id FROM users WHERE email = ?::citext", email)).isEmpty();
    }

    /** The flow cookie with its payload changed (another organization) and its signature kept. */
    private static String forged(String cookie) {
        var dot = cookie.indexOf('.');
        var payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), StandardCharsets.UTF_8);
        var changed = payload.replaceFirst("\\|login\\|acme-sso\\|[^|]+\\|", "|login|acme-sso|other-organization|");
        assertThat(changed).isNotEqualTo(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + cookie.substring(dot);
    }

    private static Map<String, String> queryOf(URI uri) {
        var parameters = new HashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }

    @Test
    void badStartsAreClientErrors() {
        var unknown = api.get("/v1/auth/oidc/nope/authorize?organization=acme");
        var noOrganization = api.get("/v1/auth/oidc/plain/authorize");
        var badOrganization = api.get("/v1/auth/oidc/plain/authorize?organization=a%7Cb");
        var unknownCallback = api.get("/v1/auth/oidc/nope/callback?code=x&state=y");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknownCallback.status()).isEqualTo(404);
        assertThat(noOrganization.status()).isEqualTo(422);
        assertThat(badOrganization.status()).isEqualTo(422);
        assertThat(badOrganization.string("errors")).contains("organization");
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        assertThat(api.post("/v1/me/external-logins/nope", null, userAuth(email, tenant.slug())).status())
                .isEqualTo(404);
    }

    @Test
    void aProvidersIdTokenIsNotAnAccessToken() {
        var tenant = signUp();
        var idToken = provider.issueToken("acme-sso", subject(), CLIENT_ID, Map.of(
                "organizationId", tenant.organizationId().toString(), "actorType", "user",
                "actorId", UUID.randomUUID().toString(), "permissions", List.of("tasks:read"))).serialize();
        var garbage = api.get("/v1/tasks", "Authorization", "Bearer not-a-token");

        for (var path : List.of("/v1/me", "/v1/tasks", "/v1/me/external-logins")) {
            var answer = api.get(path, "Authorization", "Bearer " + idToken);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(garbage.body());
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void bearerCredentialsNeverTravelToAProvider() {
        var email = uniqueEmail();
        var tenant = signUpWithOwner(email);
        var userToken = userAuth(email, tenant.slug());
        while (recordedProviderRequest() != null) {
            // forget what earlier tests asked the provider
        }

        var answers = List.of(api.get("/v1/me", userToken), api.get("/v1/tasks", tenant.auth()),
                api.get("/v1/tasks", "Authorization", "Bearer not-a-token"),
                api.get("/v1/tasks", "Authorization", "Bearer " + tenant.token() + "x"));

        assertThat(answers).extracting(ApiClient.Response::status).containsExactly(200, 200, 401, 401);
        assertThat(answers.get(2).header("WWW-Authenticate")).isEqualTo("Bearer");
        var asked = recordedProviderRequest();
        assertThat(asked).as("the provider was asked: " + (asked == null ? "" : asked.getRequestLine())).isNull();
    }

    /** The next request the provider received, or null when there is none. */
    private okhttp3.mockwebserver.RecordedRequest recordedProviderRequest() {
        try {
            return provider.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (RuntimeException none) {
            return null;
        }
    }
}
