package dev.tenantcore.identity.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenantcore.identity.application.ExternalLoginPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against a provider served by the JDK's HTTP server, which the tests make fail and recover. */
class OidcProviderTest {

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> announcedIssuer = new AtomicReference<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        announcedIssuer.set(base + "/realms/acme");
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            var body = """
                    {"issuer":"%s","authorization_endpoint":"%s/auth","token_endpoint":"%s/token",
                     "jwks_uri":"%s/keys","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(announcedIssuer.get(), base,
                    base, base).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private OidcProvider provider(String issuer) {
        return new OidcProvider("acme", issuer, "tenantcore", "secret", ExternalLoginPolicy.LINKED_ONLY,
                Duration.ofSeconds(2), clock);
    }

    @Test
    void nothingIsFetchedUntilALoginNeedsIt() {
        var provider = provider(base + "/realms/acme");

        assertThat(requests).hasValue(0);
        assertThat(provider.discovered().metadata().getTokenEndpointURI()).hasToString(base + "/token");
        assertThat(provider.discovered().metadata().getIssuer().getValue()).isEqualTo(base + "/realms/acme");
        assertThat(requests).as("kept once fetched").hasValue(1);
    }

    @Test
    void aProviderThatIsDownIsAskedAgainAfterAGrowingPauseAndUsedAgainWhenItIsBack() {
        var provider = provider(base + "/realms/acme");
        status.set(503);

        assertThatThrownBy(provider::discovered).isInstanceOfSatisfying(OidcProviderUnavailableException.class,
                unavailable -> {
                    assertThat(unavailable.provider()).isEqualTo("acme");
                    assertThat(unavailable.retryAfterSeconds()).isEqualTo(1);
                    assertThat(unavailable.getMessage()).contains("acme");
                });
        assertThatThrownBy(provider::discovered).isInstanceOf(OidcProviderUnavailableException.class);
        assertThat(requests).as("not asked again during the pause").hasValue(1);
        assertThat(provider.reachability().reachable()).isFalse();

        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(provider::discovered).isInstanceOfSatisfying(OidcProviderUnavailableException.class,
                unavailable -> assertThat(unavailable.retryAfterSeconds()).isEqualTo(2));
        assertThat(requests).hasValue(2);

        status.set(200);
        clock.now = clock.now.plusSeconds(2);
        assertThat(provider.discovered().metadata().getAuthorizationEndpointURI()).hasToString(base + "/auth");
        assertThat(provider.reachability().reachable()).isTrue();
    }

    @Test
    void theLongestPauseIsEightSeconds() {
        var provider = provider(base + "/realms/acme");
        status.set(500);
        long retryAfter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                provider.discovered();
            } catch (OidcProviderUnavailableException e) {
                retryAfter = e.retryAfterSeconds();
            }
            clock.now = clock.now.plusSeconds(retryAfter);
        }

        assertThat(retryAfter).isEqualTo(8);
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() {
        announcedIssuer.set("http://localhost:" + server.getAddress().getPort() + "/realms/acme");
        var provider = provider(base + "/realms/acme");

        assertThatThrownBy(provider::discovered).isInstanceOf(OidcProviderUnavailableException.class);
        assertThat(provider.reachability().problem()).contains("names the issuer http://localhost:",
                "not the configured " + base + "/realms/acme");
    }

    @Test
    void aTrailingSlashIsTheOnlyDifferenceAllowed() {
        assertThat(provider(base + "/realms/acme/").discovered()).isNotNull();
        assertThat(OidcProvider.sameIssuer("https://a.example/r/", "https://a.example/r")).isTrue();
        assertThat(OidcProvider.sameIssuer("https://a.example/r", "https://a.example/r/")).isTrue();
        assertThat(OidcProvider.sameIssuer("https://a.example/r", "https://a.example/R")).isFalse();
        assertThat(OidcProvider.sameIssuer("http://a.example/r", "https://a.example/r")).isFalse();
    }

    @Test
    void aFailedTokenOrKeyEndpointPausesTheProviderToo() {
        var provider = provider(base + "/realms/acme");
        provider.discovered();

        var unavailable = provider.failed("its token endpoint could not be reached");

        assertThat(unavailable.retryAfterSeconds()).isEqualTo(1);
        assertThat(provider.reachability().reachable()).isFalse();
        assertThat(provider.reachability().problem()).contains("token endpoint");
        assertThat(provider.discovered()).as("the document is still good").isNotNull();
    }
}
