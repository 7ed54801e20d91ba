package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The whole browser flow against a real Keycloak: its server distribution from Maven Central (unpacked by the
 * build, see bootstrap/pom.xml), started once by this class in development mode with an in-memory H2 database and
 * the realm of src/test/resources/keycloak/acme-realm.json. The browser is an HTTP client with a cookie jar that
 * posts Keycloak's login form. Keycloak is down when the service starts (the first test starts it), so the
 * service must recover from a provider that was unreachable at start-up. The tests run in order: each builds on
 * the sessions the previous one left at Keycloak.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "keycloak.skip", matches = "true", disabledReason = "-Dkeycloak.skip=true")
class KeycloakLoginTest extends ServiceTest {
    private static final String FRONT_END = "https://app.example.com";
    private static final String KEYCLOAK_PASSWORD = "ada-keycloak-password";
    private static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final int keycloakPort = freePort();
    private final int servicePort = freePort();
    private final String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * The browser's cookies, by name: every cookie goes back to localhost whatever its path, port or Secure flag
     * (a browser treats http://localhost as secure; Java's CookieManager would withhold Keycloak's Secure cookies).
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Process keycloak;
    private String organization;

    @Override
    public Map<String, String> getProperties() {
        var properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.server.port", Integer.toString(servicePort));
        properties.put("tenantcore.oidc.providers.keycloak.issuer", issuer());
        properties.put("tenantcore.oidc.providers.keycloak.client-id", "tenantcore");
        properties.put("tenantcore.oidc.providers.keycloak.client-secret", "tenantcore-test-secret");
        properties.put("tenantcore.oidc.return-addresses", FRONT_END + "/after-login," + FRONT_END + "/signed-out");
        // The providers' reachability is a health detail, which operators see (on the management port in production).
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        return properties;
    }

    @AfterAll
    void stopKeycloak() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy); // kc.sh runs Keycloak's JVM as its child
            keycloak.destroy();
        }
    }

    private String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/acme";
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- Keycloak ------------------------------------------------------------------------------------------------

    private void startKeycloak() throws IOException, InterruptedException {
        var home = Path.of(Objects.requireNonNull(System.getProperty("keycloak.home"),
                "keycloak.home: run through Maven, which unpacks Keycloak"));
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by the build").exists();
        var realm = new String(Objects.requireNonNull(getClass().getResourceAsStream("/keycloak/acme-realm.json"))
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("${tenantcorePort}", Integer.toString(servicePort)).replace("${email}", email);
        var imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("acme-realm.json"), realm);
        var log = home.resolveSibling("keycloak-test.log");
        var command = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + keycloakPort, "--http-management-port=" + freePort(), "--import-realm",
                "--db=dev-mem", "--cache=local", "--health-enabled=false", "--metrics-enabled=false",
                "--hostname-strict=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Keycloak needs a JDK 21+: the one running these tests (the build's toolchain).
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Keycloak 26.4's thread pool resets thread locals through reflection, which Java 24+ allows only so.
        command.environment().put("JAVA_OPTS_APPEND", "--add-opens java.base/java.lang=ALL-UNNAMED");
        command.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        command.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        keycloak = command.start();
        var deadline = Instant.now().plus(KEYCLOAK_START_TIMEOUT);
        while (true) {
            assertThat(keycloak.isAlive()).as("Keycloak stopped; see " + log).isTrue();
            try {
                if (get(issuer() + "/.well-known/openid-configuration").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            assertThat(Instant.now()).as("Keycloak did not start in time; see " + log).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** An access token of Keycloak's bootstrap administrator, for its admin API. */
    private String adminToken() {
        var response = postForm("http://localhost:" + keycloakPort + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"),
                Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("access_token").toString();
    }

    // --- the browser ---------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form, Map<String, String> headers) {
        var body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            var response = browser.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (var setCookie : response.headers().allValues("Set-Cookie")) {
                var pair = setCookie.split(";", 2)[0];
                var name = pair.substring(0, pair.indexOf('=')).strip();
                var value = pair.substring(pair.indexOf('=') + 1).strip();
                var lower = setCookie.toLowerCase(java.util.Locale.ROOT);
                if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse(null);
    }

    /**
     * Follows redirects as a browser does, posting Keycloak's login form when it shows it, until an answer that is
     * not a redirect, or a redirect away from localhost (the front end), which is returned unfollowed.
     */
    private HttpResponse<String> browse(String url) {
        var response = get(url);
        for (int steps = 0; steps < 10; steps++) {
            if (response.statusCode() == 200 && FORM_ACTION.matcher(response.body()).find()) {
                response = submitLogin(response);
                continue;
            }
            var next = location(response);
            if (response.statusCode() / 100 != 3 || next == null || !URI.create(next).getHost().equals("localhost")) {
                return response;
            }
            response = get(URI.create(response.uri().toString()).resolve(next).toString());
        }
        throw new AssertionError("too many redirects from " + url);
    }

    private HttpResponse<String> submitLogin(HttpResponse<String> loginPage) {
        var action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).isTrue();
        return postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", "ada", "password", KEYCLOAK_PASSWORD, "credentialId", ""), Map.of());
    }

    private boolean keycloakAsksForThePassword(String authorizeUrl) {
        var atKeycloak = get(location(get(authorizeUrl)));
        return atKeycloak.statusCode() == 200 && FORM_ACTION.matcher(atKeycloak.body()).find();
    }

    private Map<String, Object> json(String body) {
        return new ApiClient.Response(200, Map.of(), body, jsonMapper).json();
    }

    private String service(String path) {
        return "http://localhost:" + servicePort + path;
    }

    private static String query(String url, String name) {
        for (var pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    // --- the tests, in order ---------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void keycloakDownWhenTheServiceStartsThenBackServesLoginsWithoutARestart() throws Exception {
        var down = api.get("/v1/auth/oidc/keycloak/authorize?organization=acme");
        var health = api.get("/health");

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.string("type")).isEqualTo("https://tenantcore.dev/problems/oidc-provider-unavailable");
        assertThat(down.string("detail")).contains("keycloak");
        assertThat(down.header("Retry-After")).isNotNull();
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(health.body()).contains("\"keycloak\":{\"reachable\":false");

        startKeycloak();
        var again = down;
        for (int attempt = 0; attempt < 10 && again.status() == 503; attempt++) {
            Thread.sleep(Long.parseLong(again.header("Retry-After")) * 1000); // as a client told to wait does
            again = api.get("/v1/auth/oidc/keycloak/authorize?organization=acme");
        }
        assertThat(again.status()).as(again.toString()).isEqualTo(302);
        assertThat(again.header("Location")).startsWith(issuer() + "/protocol/openid-connect/auth?");
        assertThat(api.get("/health").body()).contains("\"keycloak\":{\"reachable\":true");
    }

    @Test
    @Order(2)
    void aMemberLinksKeycloakThenLogsInThroughItAndTheFrontEndExchangesTheCode() {
        var tenant = signUpWithOwner(email);
        organization = tenant.slug();
        var start = send(HttpRequest.newBuilder(URI.create(service("/v1/me/external-logins/keycloak")))
                .POST(HttpRequest.BodyPublishers.noBody()), userAuth(email, organization));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);

        var linked = browse(json(start.body()).get("authorizationUrl").toString());

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(json(linked.body()).get("emailAtProvider")).isEqualTo(email);

        // Keycloak's session from the link: no password asked this time.
        var back = browse(service("/v1/auth/oidc/keycloak/authorize?organization=" + organization + "&returnTo="
                + URLEncoder.encode(FRONT_END + "/after-login", StandardCharsets.UTF_8)));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(location(back)).startsWith(FRONT_END + "/after-login?code=tcx_");
        var exchanged = api.post("/v1/auth/oidc/exchange", "{\"code\":\"" + query(location(back), "code") + "\"}");
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
        var me = api.get("/v1/me", "Authorization", "Bearer " + exchanged.string("accessToken"));
        assertThat(me.string("email")).isEqualTo(email);
    }

    @Test
    @Order(3)
    void rpInitiatedLogoutEndsTheKeycloakSession() {
        var authorize = service("/v1/auth/oidc/keycloak/authorize?organization=" + organization);
        assertThat(keycloakAsksForThePassword(authorize)).as("Keycloak's session is open").isFalse();

        var toKeycloak = get(service("/v1/auth/oidc/keycloak/logout?returnTo="
                + URLEncoder.encode(FRONT_END + "/signed-out", StandardCharsets.UTF_8)));
        assertThat(toKeycloak.statusCode()).as(toKeycloak.body()).isEqualTo(302);
        assertThat(location(toKeycloak)).startsWith(issuer() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=");
        var back = browse(location(toKeycloak));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(location(back)).startsWith(FRONT_END + "/signed-out");
        assertThat(keycloakAsksForThePassword(authorize)).as("Keycloak's session is over").isTrue();
    }

    @Test
    @Order(4)
    void keycloakEndingThePersonsSessionsRevokesTheirRefreshTokensByBackChannel() {
        var login = browse(service("/v1/auth/oidc/keycloak/authorize?organization=" + organization));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        var refreshToken = json(login.body()).get("refreshToken").toString();
        var refreshed = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        var admin = Map.of("Authorization", "Bearer " + adminToken());
        var users = send(HttpRequest.newBuilder(URI.create("http://localhost:" + keycloakPort
                + "/admin/realms/acme/users?username=ada")).GET(), "Authorization", admin.get("Authorization"));
        var userId = users.body().replaceFirst("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        var signedOut = postForm("http://localhost:" + keycloakPort + "/admin/realms/acme/users/" + userId
                + "/logout", Map.of(), admin);

        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(204);
        // Keycloak posts the logout token to the service before it answers the administrator.
        var afterLogout = api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshed.string("refreshToken")
                + "\"}");
        assertThat(afterLogout.status()).as("the Keycloak session's refresh token: " + afterLogout).isEqualTo(401);
    }
}
