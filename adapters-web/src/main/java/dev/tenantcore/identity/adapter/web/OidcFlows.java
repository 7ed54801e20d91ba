package dev.tenantcore.identity.adapter.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Flow;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.InProgress;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Lapsed;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Started;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Unknown;
import dev.tenantcore.identity.adapter.web.OidcLoginRefusedException.Cause;
import dev.tenantcore.identity.application.ExternalIdentity;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two ends of an authorization code flow with a provider (OpenID Connect Core 1.0, with PKCE): the
 * authorization request, and at the callback the code exchange and the ID token's checks (signature against the
 * provider's keys, the configured issuer, audience, expiry, nonce). Runs on blocking threads: the provider calls
 * are waited for. Every refusal is logged at WARN with its cause (the provider's error code when it sent one),
 * never with a code, token or address.
 */
@Singleton
final class OidcFlows {
    private static final System.Logger LOG = System.getLogger(OidcFlows.class.getName());
    private static final Scope SCOPE = new Scope("openid", "email", "profile");
    /** What the person (or the provider on their behalf) said no to, rather than a fault. */
    private static final Set<String> CANCELLATIONS = Set.of("access_denied", "login_required", "consent_required",
            "interaction_required", "account_selection_required", "temporarily_unavailable");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** A started flow: where to send the browser, and the cookie it must bring back to the callback. */
    record Redirect(URI authorizationUrl, Cookie cookie) {
    }

    /** Who the provider vouched for, and the ID token it did so with (the hint of a later logout there). */
    record Verified(ExternalIdentity identity, String idToken) {
        @Override
        public String toString() {
            return "Verified[" + identity + "]"; // never the token
        }
    }

    private final OidcFlowCookies cookies;
    private final HttpHostResolver hosts;

    OidcFlows(OidcFlowCookies cookies, HttpHostResolver hosts) {
        this.cookies = cookies;
        this.hosts = hosts;
    }

    /** @throws OidcProviderUnavailableException when the provider's discovery document cannot be had */
    Redirect start(OidcProvider provider, Flow flow, HttpRequest<?> request) {
        var discovered = provider.discovered();
        var state = cookies.newState();
        var nonce = new Nonce();
        var verifier = new CodeVerifier();
        var authorization = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, provider.clientId(),
                callbackUri(provider, request))
                .endpointURI(discovered.metadata().getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        var cookie = cookies.issue(new Started(flow, nonce.getValue(), verifier.getValue()), state,
                request.isSecure());
        return new Redirect(authorization.toURI(), cookie);
    }

    /** The flow this callback finishes; refused when the browser has none in its window for its state. */
    Started flowOf(OidcProvider provider, HttpRequest<?> request) {
        return switch (cookies.read(request, provider.name(), request.getParameters().get("state"))) {
            case InProgress inProgress -> inProgress.started();
            case Lapsed lapsed -> {
                LOG.log(System.Logger.Level.WARNING, "login through {0} refused: its login window ({1}) lapsed "
                        + "before the callback (started {2})", provider.name(), cookies.window(), lapsed.startedAt());
                throw new OidcLoginRefusedException(Cause.WINDOW_LAPSED, "the login took longer than "
                        + cookies.window().toMinutes() + " minutes, or ended already: start it again");
            }
            case Unknown unknown -> {
                LOG.log(System.Logger.Level.WARNING, "login through {0} refused: no flow of this browser for "
                        + "the callback''s state (not started here, tampered with, or finished already)",
                        provider.name());
                throw new OidcLoginRefusedException(Cause.NO_FLOW, "this browser has no login in progress "
                        + "for this answer of the provider: start it again");
            }
        };
    }

    /**
     * Who the provider vouches for in this callback of a flow.
     *
     * @throws OidcLoginRefusedException        when the provider refused, or its answer does not check out
     * @throws OidcProviderUnavailableException when the provider's token or key endpoint cannot be reached
     */
    Verified verify(OidcProvider provider, Started started, HttpRequest<?> request) {
        var parameters = request.getParameters();
        var error = parameters.get("error");
        if (error != null) {
            var code = ERROR_CODE.matcher(error).matches() ? error : "(malformed)";
            var cancelled = CANCELLATIONS.contains(code);
            LOG.log(System.Logger.Level.WARNING, "login through {0} refused by the provider: {1}", provider.name(),
                    code);
            throw new OidcLoginRefusedException(cancelled ? Cause.CANCELLED : Cause.PROVIDER_ERROR,
                    (cancelled ? "the login was not completed at the provider (" : "the provider answered an error (")
                            + code + "): start it again");
        }
        var discovered = provider.discovered();
        var announcedIssuer = parameters.get("iss"); // RFC 9207: the provider that issued this answer
        if (announcedIssuer != null && !announcedIssuer.equals(discovered.metadata().getIssuer().getValue())) {
            throw refused(provider, "the callback names another issuer (RFC 9207 iss)");
        }
        var code = parameters.get("code");
        if (code == null || code.isEmpty()) {
            throw refused(provider, "the callback has no code");
        }
        var idToken = exchange(provider, discovered, code, new CodeVerifier(started.codeVerifier()), request);
        IDTokenClaimsSet claims;
        try {
            claims = discovered.idTokens().validate(idToken, new Nonce(started.nonce()));
        } catch (BadJOSEException e) {
            // Nimbus's messages name the check that failed (issuer, audience, expiry, nonce, signature): no secrets.
            throw refused(provider, "the ID token did not verify: " + e.getMessage());
        } catch (KeySourceException e) {
            throw provider.failed("its keys could not be fetched: " + e.getClass().getSimpleName());
        } catch (JOSEException e) {
            throw refused(provider, "the ID token did not verify: " + e.getClass().getSimpleName());
        }
        try {
            return new Verified(new ExternalIdentity(provider.name(), claims.getSubject().getValue(),
                    email(claims.getStringClaim("email")), isTrue(claims.getClaim("email_verified")),
                    claims.getStringClaim("name"), claims.getStringClaim("sid")), idToken.serialize());
        } catch (InvariantViolationException | IllegalArgumentException e) {
            throw refused(provider, "unusable subject");
        }
    }

    private com.nimbusds.jwt.JWT exchange(OidcProvider provider, OidcProvider.Discovered discovered, String code,
            CodeVerifier verifier, HttpRequest<?> request) {
        var grant = new AuthorizationCodeGrant(new AuthorizationCode(code), callbackUri(provider, request), verifier);
        var endpoint = discovered.metadata().getTokenEndpointURI();
        TokenRequest tokenRequest;
        if (provider.clientSecret() == null) {
            tokenRequest = new TokenRequest(endpoint, provider.clientId(), grant);
        } else {
            var methods = discovered.metadata().getTokenEndpointAuthMethods();
            var postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
            tokenRequest = new TokenRequest(endpoint, postOnly
                    ? new ClientSecretPost(provider.clientId(), provider.clientSecret())
                    : new ClientSecretBasic(provider.clientId(), provider.clientSecret()), grant);
        }
        var http = tokenRequest.toHTTPRequest();
        http.setConnectTimeout(provider.timeoutMillis());
        http.setReadTimeout(provider.timeoutMillis());
        HTTPResponse response;
        try {
            response = http.send();
        } catch (IOException e) {
            throw provider.failed("its token endpoint could not be reached: " + e.getClass().getSimpleName());
        }
        if (response.getStatusCode() >= 500) {
            throw provider.failed("its token endpoint answered HTTP " + response.getStatusCode());
        }
        try {
            var parsed = OIDCTokenResponseParser.parse(response);
            if (parsed instanceof TokenErrorResponse failure) {
                var errorCode = failure.getErrorObject() == null ? null : failure.getErrorObject().getCode();
                throw refused(provider, "its token endpoint refused the code: "
                        + (errorCode != null && ERROR_CODE.matcher(errorCode).matches() ? errorCode : "no error code"));
            }
            var idToken = ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw refused(provider, "its token endpoint answered no ID token");
            }
            return idToken;
        } catch (ParseException | ClassCastException e) {
            throw refused(provider, "its token endpoint answered no usable token response");
        }
    }

    private static OidcLoginRefusedException refused(OidcProvider provider, String why) {
        LOG.log(System.Logger.Level.WARNING, "login through {0} refused: {1}", provider.name(), why);
        return new OidcLoginRefusedException(Cause.PROVIDER_ERROR, "the provider's answer did not check out: "
                + "start the login again");
    }

    /** Where the provider sends the browser back: register exactly this with it. */
    URI callbackUri(OidcProvider provider, HttpRequest<?> request) {
        return URI.create(hosts.resolve(request) + OidcFlowCookies.PATH + "/" + provider.name() + "/callback");
    }

    /** A malformed address counts as none: it cannot be anyone's login name. */
    private static EmailAddress email(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return new EmailAddress(claim);
        } catch (InvariantViolationException e) {
            return null;
        }
    }

    /** A JSON boolean, or the string "true" that some providers send instead. */
    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }
}
