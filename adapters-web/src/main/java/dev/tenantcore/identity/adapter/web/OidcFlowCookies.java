package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider flow, carried from its start to its callback in a cookie the service signs: what it is for (a login
 * to an organization, or a link for the user whose token started it), and the secrets its callback needs (the
 * ID token's nonce and the PKCE verifier). Each flow has a cookie of its own, named after its OAuth 2.0
 * {@code state}, so several logins can run in one browser, and a cookie from one flow cannot finish another.
 * HttpOnly, SameSite=Lax (the callback is a top-level navigation from the provider), scoped to the callback's
 * path, Secure on HTTPS, and it lasts the login window. The state itself carries when the flow started, so a
 * callback whose cookie the browser has already dropped can still be told apart as late.
 */
@Singleton
final class OidcFlowCookies {
    static final String PREFIX = "TENANTCORE_OIDC_";
    static final String PATH = "/v1/auth/oidc";
    private static final String VERSION = "v2";
    private static final String HMAC = "HmacSHA256";
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern STATE = Pattern.compile("([0-9a-z]{1,12})\\.[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a flow is for. */
    sealed interface Flow {
        String provider();
    }

    /**
     * A login to the organization named by slug or id; with {@code returnTo} (an allowed address), the callback
     * sends the browser there with a one-time code instead of answering the tokens.
     */
    record LogIn(String provider, String organization, URI returnTo) implements Flow {
        LogIn {
            if (!ORGANIZATION.matcher(organization).matches()) {
                throw new IllegalArgumentException("not an organization slug or id");
            }
        }
    }

    /** A link for the user who asked, made in the organization of the token they asked with. */
    record Link(String provider, UserId userId, OrganizationId organizationId) implements Flow {
    }

    /** A flow in progress: what it is for, and the secrets of its callback. */
    record Started(Flow flow, String nonce, String codeVerifier) {
        @Override
        public String toString() {
            return "Started[" + flow + "]"; // never the secrets
        }
    }

    /** What a callback's cookie says. */
    sealed interface Found {
    }

    /** A genuine flow in its window. */
    record InProgress(Started started) implements Found {
    }

    /** A flow (genuine, or its cookie already dropped by the browser) that started longer ago than the window. */
    record Lapsed(Instant startedAt) implements Found {
    }

    /** No flow of this browser for this state and provider (none started, tampered, or finished already). */
    record Unknown() implements Found {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration window;

    OidcFlowCookies(@Value("${tenantcore.auth.jwt-secret}") String secret, Clock clock, OidcSettings settings) {
        // A key of its own, derived from the token signing secret: a flow cookie can never pass as a token.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC),
                "tenantcore oidc flow cookie"), HMAC);
        this.clock = clock;
        this.window = settings.getLoginWindow();
    }

    Duration window() {
        return window;
    }

    /** Whether a login may name this organization: a slug or an id, nothing else travels in the cookie. */
    static boolean isOrganizationReference(String organization) {
        return organization != null && ORGANIZATION.matcher(organization).matches();
    }

    /** A new flow's OAuth 2.0 state: when it started, and 256 random bits. */
    String newState() {
        var random = new byte[32];
        RANDOM.nextBytes(random);
        return Long.toString(clock.instant().getEpochSecond(), 36) + "." + base64(random);
    }

    /** The name of the cookie of the flow with this state. */
    static String cookieName(String state) {
        return PREFIX + digest(state).substring(0, 16);
    }

    Cookie issue(Started started, String state, boolean secure) {
        var expiresAt = clock.instant().plus(window).getEpochSecond();
        var secrets = String.join("|", started.nonce(), started.codeVerifier());
        var fields = switch (started.flow()) {
            case LogIn logIn -> String.join("|", VERSION, "login", logIn.provider(), logIn.organization(),
                    logIn.returnTo() == null ? "" : base64(logIn.returnTo().toString().getBytes(StandardCharsets.UTF_8)),
                    digest(state), Long.toString(expiresAt), secrets);
            case Link link -> String.join("|", VERSION, "link", link.provider(), link.userId().toString(),
                    link.organizationId().toString(), digest(state), Long.toString(expiresAt), secrets);
        };
        var payload = base64(fields.getBytes(StandardCharsets.UTF_8));
        return cookie(cookieName(state), payload + "." + base64(hmac(key, payload)), secure).maxAge(window);
    }

    /** Removes the flow's cookie from the browser. */
    static Cookie expired(String state, boolean secure) {
        return cookie(cookieName(state), "", secure).maxAge(Duration.ZERO);
    }

    /** The flow the request's cookie for this state describes, as {@link #read(String, String, String)} does. */
    Found read(HttpRequest<?> request, String provider, String state) {
        if (state == null) {
            return new Unknown();
        }
        var value = request.getCookies().findCookie(cookieName(state)).map(Cookie::getValue).orElse(null);
        return read(value, provider, state);
    }

    /**
     * The flow a cookie value describes, if it is genuine, for this provider and for this {@code state}; whether
     * it lapsed (told by the state when the browser has dropped the cookie); else unknown.
     */
    Found read(String value, String provider, String state) {
        if (state == null) {
            return new Unknown();
        }
        var started = startOf(state);
        if (value == null || value.isEmpty()) {
            return started != null && !started.plus(window).isAfter(clock.instant())
                    ? new Lapsed(started) : new Unknown();
        }
        var dot = value.indexOf('.');
        if (dot < 0) {
            return new Unknown();
        }
        var payload = value.substring(0, dot);
        byte[] presented;
        byte[] decoded;
        try {
            presented = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            decoded = Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return new Unknown();
        }
        if (!MessageDigest.isEqual(presented, hmac(key, payload))) {
            return new Unknown();
        }
        var fields = new String(decoded, StandardCharsets.UTF_8).split("\\|", -1);
        try {
            var stateField = 5;
            if (!"login".equals(fields[1]) && !"link".equals(fields[1]) || fields.length != stateField + 4 || !VERSION.equals(fields[0])
                    || !fields[2].equals(provider) || !MessageDigest.isEqual(
                            fields[stateField].getBytes(StandardCharsets.US_ASCII),
                            digest(state).getBytes(StandardCharsets.US_ASCII))) {
                return new Unknown();
            }
            var expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[stateField + 1]));
            if (!expiresAt.isAfter(clock.instant())) {
                return new Lapsed(expiresAt.minus(window));
            }
            Flow flow = "login".equals(fields[1]) ? new LogIn(fields[2], fields[3], fields[4].isEmpty() ? null
                    : URI.create(new String(Base64.getUrlDecoder().decode(fields[4]), StandardCharsets.UTF_8)))
                    : new Link(fields[2], new UserId(UUID.fromString(fields[3])),
                            new OrganizationId(UUID.fromString(fields[4])));
            return new InProgress(new Started(flow, fields[stateField + 2], fields[stateField + 3]));
        } catch (RuntimeException malformed) {
            return new Unknown(); // signed by this service, so only a change of format gets here
        }
    }

    /** When the flow of this state started, if the state is one this service makes. */
    private static Instant startOf(String state) {
        var matcher = STATE.matcher(state);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(matcher.group(1), 36));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Cookie cookie(String name, String value, boolean secure) {
        return Cookie.of(name, value).path(PATH).httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }

    private static String digest(String state) {
        try {
            return base64(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HMAC-SHA256", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
