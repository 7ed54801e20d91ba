package dev.tenantcore.identity.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.LogIn;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OidcFlowCookiesTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";

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
    private final OidcFlowCookies cookies = new OidcFlowCookies(SECRET, clock);

    private static String valueOf(Cookie cookie) {
        return cookie.getValue();
    }

    @Test
    void aLoginFlowComesBackForItsProviderAndState() {
        var cookie = cookies.issue(new LogIn("google", "acme"), "state-1", false);

        assertThat(cookies.read(valueOf(cookie), "google", "state-1")).contains(new LogIn("google", "acme"));
    }

    @Test
    void aLinkFlowComesBackWithItsUserAndOrganization() {
        var link = new Link("google", UserId.generate(), OrganizationId.generate());
        var cookie = cookies.issue(link, "state-1", true);

        assertThat(cookies.read(valueOf(cookie), "google", "state-1")).contains(link);
    }

    @Test
    void anotherStateOrProviderDoesNotFinishTheFlow() {
        var cookie = cookies.issue(new LogIn("google", "acme"), "state-1", false);

        assertThat(cookies.read(valueOf(cookie), "google", "state-2")).isEmpty();
        assertThat(cookies.read(valueOf(cookie), "google", null)).isEmpty();
        assertThat(cookies.read(valueOf(cookie), "okta", "state-1")).isEmpty();
    }

    @Test
    void theFlowExpires() {
        var cookie = cookies.issue(new LogIn("google", "acme"), "state-1", false);

        clock.now = clock.now.plus(OidcFlowCookies.LIFETIME).minusSeconds(1);
        assertThat(cookies.read(valueOf(cookie), "google", "state-1")).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(cookies.read(valueOf(cookie), "google", "state-1")).isEmpty();
    }

    @Test
    void aChangedPayloadOrAnotherSecretsSignatureIsRefused() {
        var cookie = cookies.issue(new LogIn("google", "acme"), "state-1", false);
        var value = cookie.getValue();
        var dot = value.indexOf('.');
        var payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
        var changed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|acme|", "|evil|").getBytes(StandardCharsets.UTF_8)) + value.substring(dot);
        var foreign = new OidcFlowCookies("another-secret-of-at-least-thirty-two-characters", clock)
                .issue(new LogIn("google", "acme"), "state-1", false);

        assertThat(cookies.read(valueOf(Cookie.of(OidcFlowCookies.NAME, changed)), "google", "state-1"))
                .isEmpty();
        assertThat(cookies.read(valueOf(foreign), "google", "state-1")).isEmpty();
    }

    @Test
    void missingOrMalformedCookiesAreNoFlow() {
        assertThat(cookies.read((String) null, "google", "state-1")).isEmpty();
        for (var value : new String[] {"", ".", "abc", "a.b", "!!!.???", "djF8bG9naW4.x"}) {
            assertThat(cookies.read(valueOf(Cookie.of(OidcFlowCookies.NAME, value)), "google", "state-1"))
                    .as(value).isEmpty();
        }
    }

    @Test
    void theCookieIsHttpOnlyLaxScopedToTheCallbacksAndShortLived() {
        var cookie = cookies.issue(new LogIn("google", "acme"), "state-1", true);
        var expired = cookies.expired(false);

        assertThat(cookie.getName()).isEqualTo("TENANTCORE_OIDC");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).contains(SameSite.Lax);
        assertThat(cookie.getPath()).isEqualTo("/v1/auth/oidc");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(cookie.getValue()).doesNotContain("state-1");
        assertThat(expired.getMaxAge()).isZero();
        assertThat(expired.isSecure()).isFalse();
    }

    @Test
    void onlySlugsAndIdsMayBeNamedAsOrganizations() {
        assertThat(OidcFlowCookies.isOrganizationReference("acme")).isTrue();
        assertThat(OidcFlowCookies.isOrganizationReference("0192f6e4-7c1a-7b3e-9a4b-1c2d3e4f5a6b")).isTrue();
        assertThat(OidcFlowCookies.isOrganizationReference(null)).isFalse();
        assertThat(OidcFlowCookies.isOrganizationReference("")).isFalse();
        assertThat(OidcFlowCookies.isOrganizationReference("a|b")).isFalse();
        assertThat(OidcFlowCookies.isOrganizationReference("a b")).isFalse();
        assertThat(OidcFlowCookies.isOrganizationReference("x".repeat(101))).isFalse();
    }
}
