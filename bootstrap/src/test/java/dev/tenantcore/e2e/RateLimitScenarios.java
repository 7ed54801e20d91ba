package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rate limits end to end, with tiny limits and an hour's refill so that nothing refills during a test: each
 * credential 3 requests, each organization 5, each client network 4 on the public endpoints that take secrets. Every
 * test sends its own client address ({@code X-Forwarded-For}, trusted in these tests), so tests do not share the
 * address buckets; the subclasses keep the buckets in this process, in Redis, and in an unreachable Redis.
 */
abstract class RateLimitScenarios extends ServiceTest {
    static final String CREDENTIAL = "tenantcore.rate-limit.credential-capacity";
    static final String ORGANIZATION = "tenantcore.rate-limit.organization-capacity";
    static final String ADDRESS = "tenantcore.rate-limit.address-capacity";
    static final String FORWARDED = "X-Forwarded-For";

    /** A documentation address (TEST-NET-3) of its own for each call. */
    static String freshAddress() {
        var random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Signs up from an address of its own, so the sign-up takes no token from the address a test counts. */
    Tenant signUpAlone() {
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 18);
        var response = api.post("/v1/organizations", "{\"name\":\"Organization " + slug + "\",\"slug\":\"" + slug + "\"}",
                FORWARDED, freshAddress());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var key = response.object("apiKey");
        return new Tenant(UUID.fromString(response.object("organization").get("id").toString()), slug,
                UUID.fromString(key.get("id").toString()), key.get("token").toString());
    }

    static void assertTooManyRequests(ApiClient.Response response, String limit) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.string("detail")).contains("the " + limit + " limit");
        // An hour's refill of a few tokens: the next one comes within the hour, and not at once.
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(60L, 3_600L);
        assertThat(response.header("RateLimit")).contains("\"" + limit + "\";r=0;");
    }

    @Test
    void aCredentialsFloodIsAnswered429WithTheHeadersAndOtherCredentialsAreUnaffected() {
        var flooding = signUpAlone();
        var other = signUpAlone();

        for (var i = 2; i >= 0; i--) {
            var allowed = api.get("/v1/tasks", flooding.auth());
            assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Policy"))
                    .isEqualTo("\"credential\";q=3;w=3600, \"organization\";q=5;w=3600");
            assertThat(allowed.header("RateLimit")).startsWith("\"credential\";r=" + i + ";t=")
                    .contains("\"organization\";r=" + (i + 2) + ";t=");
        }
        var refused = api.get("/v1/tasks", flooding.auth());

        assertTooManyRequests(refused, "credential");
        assertThat(refused.header("RateLimit-Policy")).contains("\"credential\";q=3;w=3600");
        assertThat(api.get("/v1/tasks", other.auth()).status()).as("another organization's key").isEqualTo(200);
    }

    @Test
    void anOrganizationsCredentialsShareItsLimitAndOtherOrganizationsAreUnaffected() {
        var flooding = signUpAlone();
        var other = signUpAlone();
        var second = api.post("/v1/api-keys", "{\"name\":\"second\"}", flooding.auth()); // organization: 4 left
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        var secondKey = new String[] {"Authorization", "Bearer " + second.string("token")};

        assertThat(api.get("/v1/tasks", flooding.auth()).status()).isEqualTo(200);
        assertThat(api.get("/v1/tasks", flooding.auth()).status()).isEqualTo(200);
        assertThat(api.get("/v1/tasks", secondKey).status()).isEqualTo(200);
        assertThat(api.get("/v1/tasks", secondKey).status()).isEqualTo(200); // organization: 0 left
        var refused = api.get("/v1/tasks", secondKey);

        assertTooManyRequests(refused, "organization");
        assertThat(refused.header("RateLimit")).contains("\"credential\";r=0;", "\"organization\";r=0;");
        assertThat(api.get("/v1/tasks", other.auth()).status()).as("another organization").isEqualTo(200);
    }

    @Test
    void thePublicEndpointsThatTakeSecretsAreLimitedPerClientNetwork() {
        var guesser = freshAddress();

        var answers = new int[] {
            api.post("/v1/auth/refresh", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED, guesser).status(),
            api.post("/v1/invitations/accept", "{\"token\":\"tci_guess\"}", FORWARDED, guesser).status(),
            api.post("/v1/auth/token", "{\"email\":\"a@example.com\",\"password\":\"guess\",\"organization\":\"x\"}",
                    FORWARDED, guesser).status(),
            api.post("/v1/auth/refresh", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED, guesser).status()};
        assertThat(answers).as("wrong secrets, not yet limited").doesNotContain(429);
        var refused = api.post("/v1/invitations/accept", "{\"token\":\"tci_guess\"}", FORWARDED, guesser);

        assertTooManyRequests(refused, "address");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"address\";q=4;w=3600");
        assertThat(api.post("/v1/organizations", "{\"name\":\"Later\",\"slug\":\"later-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\"}", FORWARDED, guesser).status()).as("sign-up too").isEqualTo(429);
        assertThat(api.get("/v1/auth/oidc/some-provider/callback?code=c&state=s", FORWARDED, guesser).status())
                .as("the OpenID Connect callback too").isEqualTo(429);
        assertThat(api.post("/v1/auth/logout", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED, guesser).status())
                .as("and logging out").isEqualTo(429);
        var elsewhere = api.post("/v1/auth/refresh", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED, freshAddress());
        assertThat(elsewhere.status()).as("another address").isEqualTo(401);
        assertThat(elsewhere.header("RateLimit")).startsWith("\"address\";r=3;t=");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        var prefix = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":1:";
        for (var i = 1; i <= 4; i++) {
            assertThat(api.post("/v1/auth/refresh", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED, prefix + ":" + i)
                    .status()).isEqualTo(401);
        }

        assertTooManyRequests(api.post("/v1/auth/refresh", "{\"refreshToken\":\"tcr_guess\"}", FORWARDED,
                prefix + "ffff:ffff:ffff:ffff"), "address");
    }

    @Test
    void pathsOutsideTheApiAreNotLimited() {
        for (var i = 0; i < 10; i++) {
            var health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("RateLimit")).isNull();
        }
    }
}
