package dev.tenantcore.identity.adapter.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import dev.tenantcore.identity.adapter.web.OidcLoginRefusedException.Cause;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logging out across systems. RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the browser goes to
 * the provider's end_session_endpoint with the ID token of its login as {@code id_token_hint}, which the callback
 * left in an HttpOnly cookie scoped to the logout path (the browser keeps it; the service stores no provider
 * token). Back-channel logout (OpenID Connect Back-Channel Logout 1.0): the provider posts a logout token, which
 * must verify like an ID token (signature, issuer, audience, iat) and be one (the events claim, sub or sid, no
 * nonce), and may not be seen twice.
 */
@Singleton
final class OidcLogouts {
    private static final System.Logger LOG = System.getLogger(OidcLogouts.class.getName());
    static final String ID_TOKEN_COOKIE = "TENANTCORE_ID_TOKEN_";
    /** Logout tokens older than this are refused, so the memory of the ones seen stays bounded. */
    private static final Duration LOGOUT_TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /** Where a logout sends the browser, and the cookie it must drop. */
    record Redirect(URI location, Cookie expiredIdToken) {
    }

    private final Map<String, Instant> seenLogoutTokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idTokenCookieLifetime;

    OidcLogouts(Clock clock, OidcSettings settings) {
        this.clock = clock;
        this.idTokenCookieLifetime = settings.getProviderRecheck();
    }

    /** The cookie that keeps a login's ID token for its RP-initiated logout. */
    Cookie idTokenCookie(OidcProvider provider, String idToken, boolean secure) {
        return cookie(provider, idToken, secure).maxAge(idTokenCookieLifetime);
    }

    private static Cookie cookie(OidcProvider provider, String value, boolean secure) {
        return Cookie.of(ID_TOKEN_COOKIE + provider.name(), value).path(logoutPath(provider)).httpOnly(true)
                .secure(secure).sameSite(SameSite.Lax);
    }

    private static String logoutPath(OidcProvider provider) {
        return OidcFlowCookies.PATH + "/" + provider.name() + "/logout";
    }

    /**
     * Where to send the browser to end its session at the provider, coming back to {@code returnTo} (null: the
     * provider's own page). A provider without an end_session_endpoint: straight back.
     */
    Redirect endSession(OidcProvider provider, URI returnTo, HttpRequest<?> request) {
        var discovered = provider.discovered();
        var expired = cookie(provider, "", request.isSecure()).maxAge(Duration.ZERO);
        var endpoint = discovered.metadata().getEndSessionEndpointURI();
        if (endpoint == null) {
            return new Redirect(returnTo, expired);
        }
        var hint = request.getCookies().findCookie(ID_TOKEN_COOKIE + provider.name()).map(Cookie::getValue)
                .map(OidcLogouts::parse).orElse(null);
        var logout = new LogoutRequest(endpoint, hint, null, hint == null ? provider.clientId() : null, returnTo,
                (State) null, null);
        return new Redirect(logout.toURI(), expired);
    }

    private static com.nimbusds.jwt.JWT parse(String token) {
        try {
            return JWTParser.parse(token);
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The subject and session a provider's logout token ends.
     *
     * @throws OidcLoginRefusedException        (400) when the token is not a valid logout token, or seen before
     * @throws OidcProviderUnavailableException when the provider's keys cannot be fetched
     */
    LogoutTokenClaimsSet verifyLogoutToken(OidcProvider provider, String logoutToken) {
        if (logoutToken == null || logoutToken.isBlank()) {
            throw refused(provider, "no logout_token");
        }
        var discovered = provider.discovered();
        var validator = new LogoutTokenValidator(discovered.metadata().getIssuer(), provider.clientId(), false,
                new JWSVerificationKeySelector<SecurityContext>(discovered.algorithms(), discovered.keys()), null);
        LogoutTokenClaimsSet claims;
        try {
            claims = validator.validate(JWTParser.parse(logoutToken));
        } catch (ParseException e) {
            throw refused(provider, "the logout token is not a JWT");
        } catch (BadJOSEException e) {
            throw refused(provider, "the logout token did not verify: " + e.getMessage());
        } catch (KeySourceException e) {
            throw provider.failed("its keys could not be fetched: " + e.getClass().getSimpleName());
        } catch (JOSEException e) {
            throw refused(provider, "the logout token did not verify: " + e.getClass().getSimpleName());
        }
        var now = clock.instant();
        var issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
        if (issuedAt == null || issuedAt.isBefore(now.minus(LOGOUT_TOKEN_MAX_AGE))
                || issuedAt.isAfter(now.plus(LOGOUT_TOKEN_MAX_AGE))) {
            throw refused(provider, "the logout token's iat is not within " + LOGOUT_TOKEN_MAX_AGE.toMinutes()
                    + " minutes of now");
        }
        if (claims.getJWTID() == null) {
            throw refused(provider, "the logout token has no jti");
        }
        if (claims.getSubject() == null) {
            // Logins remember the subject; a sid alone would need a lookup across every user's sessions.
            throw refused(provider, "the logout token has no sub (only logout tokens with sub are supported)");
        }
        forgetOldLogoutTokens(now);
        if (seenLogoutTokens.putIfAbsent(provider.name() + " " + claims.getJWTID().getValue(), issuedAt) != null) {
            throw refused(provider, "the logout token was seen before (jti)");
        }
        return claims;
    }

    private void forgetOldLogoutTokens(Instant now) {
        for (Iterator<Instant> seen = seenLogoutTokens.values().iterator(); seen.hasNext(); ) {
            if (seen.next().isBefore(now.minus(LOGOUT_TOKEN_MAX_AGE))) {
                seen.remove();
            }
        }
    }

    private static OidcLoginRefusedException refused(OidcProvider provider, String why) {
        LOG.log(System.Logger.Level.WARNING, "back-channel logout from {0} refused: {1}", provider.name(), why);
        return new OidcLoginRefusedException(Cause.BAD_LOGOUT_TOKEN, "the logout token is not valid");
    }
}
