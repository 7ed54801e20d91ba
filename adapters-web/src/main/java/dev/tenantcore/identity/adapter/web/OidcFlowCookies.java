package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a provider flow is for, carried from its start to its callback in a cookie the service signs: a login to an
 * organization, or a link for the user whose token started it. The cookie is bound to the flow's OAuth 2.0
 * {@code state} (Micronaut keeps the state itself in a cookie of its own and checks it against the callback), so a
 * cookie from one flow cannot finish another, and it expires with the flow. HttpOnly, SameSite=Lax (the callback
 * is a top-level navigation from the provider), scoped to the callback's path, Secure on HTTPS.
 */
@Singleton
final class OidcFlowCookies {
    static final String NAME = "TENANTCORE_OIDC";
    static final String PATH = "/v1/auth/oidc";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String VERSION = "v1";
    private static final String HMAC = "HmacSHA256";
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9-]{1,100}");

    /** What a flow is for. */
    sealed interface Flow {
        String provider();
    }

    /** A login to the organization named by slug or id. */
    record LogIn(String provider, String organization) implements Flow {
        LogIn {
            if (!ORGANIZATION.matcher(organization).matches()) {
                throw new IllegalArgumentException("not an organization slug or id");
            }
        }
    }

    /** A link for the user who asked, made in the organization of the token they asked with. */
    record Link(String provider, UserId userId, OrganizationId organizationId) implements Flow {
    }

    private final SecretKeySpec key;
    private final Clock clock;

    OidcFlowCookies(@Value("${tenantcore.auth.jwt-secret}") String secret, Clock clock) {
        // A key of its own, derived from the token signing secret: a flow cookie can never pass as a token.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC),
                "tenantcore oidc flow cookie"), HMAC);
        this.clock = clock;
    }

    /** Whether a login may name this organization: a slug or an id, nothing else travels in the cookie. */
    static boolean isOrganizationReference(String organization) {
        return organization != null && ORGANIZATION.matcher(organization).matches();
    }

    Cookie issue(Flow flow, String state, boolean secure) {
        var expiresAt = clock.instant().plus(LIFETIME).getEpochSecond();
        var fields = switch (flow) {
            case LogIn logIn -> String.join("|", VERSION, "login", logIn.provider(), logIn.organization(),
                    digest(state), Long.toString(expiresAt));
            case Link link -> String.join("|", VERSION, "link", link.provider(), link.userId().toString(),
                    link.organizationId().toString(), digest(state), Long.toString(expiresAt));
        };
        var payload = base64(fields.getBytes(StandardCharsets.UTF_8));
        return cookie(payload + "." + base64(hmac(key, payload)), secure).maxAge(LIFETIME);
    }

    /** Removes the cookie from the browser. */
    Cookie expired(boolean secure) {
        return cookie("", secure).maxAge(Duration.ZERO);
    }

    /** The flow the request's cookie describes, as {@link #read(String, String, String)} does. */
    Optional<Flow> read(HttpRequest<?> request, String provider, String state) {
        return read(request.getCookies().findCookie(NAME).map(Cookie::getValue).orElse(null), provider, state);
    }

    /**
     * The flow a cookie value describes, if it is genuine, unexpired, for this provider and for this
     * {@code state}; else empty.
     */
    Optional<Flow> read(String value, String provider, String state) {
        if (value == null || state == null) {
            return Optional.empty();
        }
        var dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        var payload = value.substring(0, dot);
        byte[] presented;
        byte[] decoded;
        try {
            presented = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            decoded = Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(presented, hmac(key, payload))) {
            return Optional.empty();
        }
        var fields = new String(decoded, StandardCharsets.UTF_8).split("\\|", -1);
        try {
            var flow = switch (fields[1]) {
                case "login" -> fields.length == 6 && valid(fields, 4, provider, state)
                        ? new LogIn(fields[2], fields[3]) : null;
                case "link" -> fields.length == 7 && valid(fields, 5, provider, state)
                        ? new Link(fields[2], new UserId(UUID.fromString(fields[3])),
                                new OrganizationId(UUID.fromString(fields[4]))) : null;
                default -> null;
            };
            return Optional.ofNullable(flow);
        } catch (RuntimeException malformed) {
            return Optional.empty(); // signed by this service, so only a change of format gets here
        }
    }

    private boolean valid(String[] fields, int stateField, String provider, String state) {
        return VERSION.equals(fields[0]) && fields[2].equals(provider)
                && MessageDigest.isEqual(fields[stateField].getBytes(StandardCharsets.US_ASCII),
                        digest(state).getBytes(StandardCharsets.US_ASCII))
                && Instant.ofEpochSecond(Long.parseLong(fields[stateField + 1])).isAfter(clock.instant());
    }

    private static Cookie cookie(String value, boolean secure) {
        return Cookie.of(NAME, value).path(PATH).httpOnly(true).secure(secure).sameSite(SameSite.Lax);
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
