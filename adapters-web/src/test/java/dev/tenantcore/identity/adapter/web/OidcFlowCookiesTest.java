package dev.tenantcore.identity.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.InProgress;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Lapsed;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.LogIn;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Started;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Unknown;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
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
    private final OidcFlowCookies cookies = new OidcFlowCookies(SECRET, clock, new OidcSettings());

    private static Started login(String organization) {
        return new Started(new LogIn("google", organization, null), "nonce-1", "verifier-1");
    }

    @Test
    void aLoginFlowComesBackWithItsSecretsForItsProviderAndState() {
        var state = cookies.newState();
        var cookie = cookies.issue(login("acme"), state, false);

        assertThat(cookies.read(cookie.getValue(), "google", state)).isEqualTo(new InProgress(login("acme")));
    }

    @Test
    void aLinkFlowComesBackWithItsUserAndOrganization() {
        var state = cookies.newState();
        var link = new Started(new Link("google", UserId.generate(), OrganizationId.generate()), "n", "v");
        var cookie = cookies.issue(link, state, true);

        assertThat(cookies.read(cookie.getValue(), "google", state)).isEqualTo(new InProgress(link));
    }

    @Test
    void aLoginsReturnAddressComesBackToo() {
        var state = cookies.newState();
        var started = new Started(new LogIn("google", "acme", URI.create("https://app.example.com/x?a=1%7Cb&c=2")), "n",
                "v");

        assertThat(cookies.read(cookies.issue(started, state, true).getValue(), "google", state))
                .isEqualTo(new InProgress(started));
    }

    @Test
    void eachFlowHasACookieOfItsOwnSoThatTwoLoginsCanRunInOneBrowser() {
        var first = cookies.newState();
        var second = cookies.newState();

        assertThat(first).isNotEqualTo(second);
        assertThat(cookies.issue(login("acme"), first, false).getName())
                .isEqualTo(OidcFlowCookies.cookieName(first))
                .isNotEqualTo(cookies.issue(login("other"), second, false).getName())
                .startsWith(OidcFlowCookies.PREFIX);
    }

    @Test
    void anotherStateOrProviderDoesNotFinishTheFlow() {
        var state = cookies.newState();
        var cookie = cookies.issue(login("acme"), state, false);

        assertThat(cookies.read(cookie.getValue(), "google", cookies.newState())).isInstanceOf(Unknown.class);
        assertThat(cookies.read(cookie.getValue(), "google", null)).isInstanceOf(Unknown.class);
        assertThat(cookies.read(cookie.getValue(), "okta", state)).isInstanceOf(Unknown.class);
    }

    @Test
    void theFlowLapsesAfterTheLoginWindowWithOrWithoutItsCookie() {
        var state = cookies.newState();
        var cookie = cookies.issue(login("acme"), state, false);

        clock.now = clock.now.plus(Duration.ofMinutes(10)).minusSeconds(1);
        assertThat(cookies.read(cookie.getValue(), "google", state)).isInstanceOf(InProgress.class);
        assertThat(cookies.read((String) null, "google", state)).as("dropped early: not lapsed").isInstanceOf(Unknown.class);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cookies.read(cookie.getValue(), "google", state)).isInstanceOf(Lapsed.class);
        assertThat(cookies.read((String) null, "google", state)).as("dropped by the browser").isInstanceOf(Lapsed.class);
        assertThat(cookies.read((String) null, "google", "not-our-state")).isInstanceOf(Unknown.class);
    }

    @Test
    void theLoginWindowIsConfigurable() {
        var settings = new OidcSettings();
        settings.setLoginWindow(Duration.ofMinutes(3));
        var shortWindow = new OidcFlowCookies(SECRET, clock, settings);
        var state = shortWindow.newState();
        var cookie = shortWindow.issue(login("acme"), state, false);

        assertThat(cookie.getMaxAge()).isEqualTo(180);
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(shortWindow.read(cookie.getValue(), "google", state)).isInstanceOf(Lapsed.class);
    }

    @Test
    void aChangedPayloadOrAnotherSecretsSignatureIsRefused() {
        var state = cookies.newState();
        var value = cookies.issue(login("acme"), state, false).getValue();
        var dot = value.indexOf('.');
        var payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
        var changed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|acme|", "|evil|").getBytes(StandardCharsets.UTF_8)) + value.substring(dot);
        var foreign = new OidcFlowCookies("another-secret-of-at-least-thirty-two-characters", clock,
                new OidcSettings()).issue(login("acme"), state, false);

        assertThat(payload).contains("|acme|");
        assertThat(cookies.read(changed, "google", state)).isInstanceOf(Unknown.class);
        assertThat(cookies.read(foreign.getValue(), "google", state)).isInstanceOf(Unknown.class);
    }

    @Test
    void missingOrMalformedCookiesAreNoFlow() {
        var state = cookies.newState();
        assertThat(cookies.read((String) null, "google", state)).isInstanceOf(Unknown.class);
        for (var value : new String[] {"", ".", "abc", "a.b", "!!!.???", "djF8bG9naW4.x"}) {
            assertThat(cookies.read(value, "google", state)).as(value).isInstanceOf(Unknown.class);
        }
    }

    @Test
    void theCookieIsHttpOnlyLaxScopedToTheCallbacksAndLastsTheWindow() {
        var state = cookies.newState();
        var cookie = cookies.issue(login("acme"), state, true);
        var expired = OidcFlowCookies.expired(state, false);

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).contains(SameSite.Lax);
        assertThat(cookie.getPath()).isEqualTo("/v1/auth/oidc");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(cookie.getValue()).doesNotContain(state);
        assertThat(expired.getName()).isEqualTo(cookie.getName());
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
