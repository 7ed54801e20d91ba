package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Flow;
import dev.tenantcore.identity.adapter.web.OidcProviders.OidcProvider;
import dev.tenantcore.identity.application.ExternalIdentity;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The two ends of an authorization code flow with a provider, done by Micronaut Security (discovery, state and
 * nonce and PKCE in cookies, the code exchange, the ID token's signature, issuer, audience, expiry and nonce)
 * around Tenantcore's own flow cookie. Runs on blocking threads: the provider calls are waited for.
 */
@Singleton
final class OidcFlows {
    private static final System.Logger LOG = System.getLogger(OidcFlows.class.getName());
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(30);

    /** A started flow: where to send the browser, and the cookies it must bring back to the callback. */
    record Started(String authorizationUrl, List<String> setCookieHeaders) {
    }

    private final OidcFlowCookies cookies;

    OidcFlows(OidcFlowCookies cookies) {
        this.cookies = cookies;
    }

    Started start(OidcProvider provider, Flow flow, HttpRequest<?> request) {
        var redirect = Mono.from(provider.client().authorizationRedirect(request)).block(PROVIDER_TIMEOUT);
        var location = redirect == null ? null : redirect.getHeaders().get(HttpHeaders.LOCATION);
        var state = location == null ? null : stateOf(location);
        if (state == null) {
            throw new IllegalStateException("the OpenID client of " + provider.name() + " made no state");
        }
        redirect.cookie(cookies.issue(flow, state, request.isSecure()));
        return new Started(location, List.copyOf(redirect.getHeaders().getAll(HttpHeaders.SET_COOKIE)));
    }

    /** Adds a started flow's cookies to a response. */
    static <T extends MutableHttpResponse<?>> T withCookies(T response, Started started) {
        started.setCookieHeaders().forEach(value -> response.getHeaders().add(HttpHeaders.SET_COOKIE, value));
        return response;
    }

    /** The flow the callback finishes; {@code AuthenticationFailedException} without a genuine flow cookie. */
    Flow flowOf(OidcProvider provider, HttpRequest<?> request) {
        return cookies.read(request, provider.name(), request.getParameters().get("state"))
                .orElseThrow(AuthenticationFailedException::new);
    }

    /**
     * Who the provider vouches for in this callback, after Micronaut's checks. Every failure (an error from the
     * provider, a state or code that does not check out, an ID token that does not verify) is the same
     * {@code AuthenticationFailedException}.
     */
    @SuppressWarnings("unchecked")
    ExternalIdentity verify(OidcProvider provider, HttpRequest<?> request) {
        AuthenticationResponse response;
        try {
            response = Mono.from(provider.client().onCallback((HttpRequest<Map<String, Object>>) request))
                    .block(PROVIDER_TIMEOUT);
        } catch (RuntimeException e) {
            // The class says enough (state, provider error, token endpoint); messages may quote what was sent.
            LOG.log(System.Logger.Level.INFO, "login through {0} refused: {1}", provider.name(),
                    e.getClass().getSimpleName());
            throw new AuthenticationFailedException();
        }
        var authentication = Optional.ofNullable(response).filter(AuthenticationResponse::isAuthenticated)
                .flatMap(AuthenticationResponse::getAuthentication)
                .orElseThrow(() -> {
                    LOG.log(System.Logger.Level.INFO, "login through {0} refused: the ID token did not verify",
                            provider.name());
                    return new AuthenticationFailedException();
                });
        var attributes = authentication.getAttributes();
        try {
            return new ExternalIdentity(provider.name(), authentication.getName(),
                    email(attributes.get(VerifiedIdentityMapper.EMAIL)),
                    Boolean.TRUE.equals(attributes.get(VerifiedIdentityMapper.EMAIL_VERIFIED)),
                    Objects.toString(attributes.get(VerifiedIdentityMapper.NAME), null));
        } catch (InvariantViolationException e) {
            LOG.log(System.Logger.Level.INFO, "login through {0} refused: unusable subject", provider.name());
            throw new AuthenticationFailedException();
        }
    }

    /** A malformed address counts as none: it cannot be anyone's login name. */
    private static EmailAddress email(Object claim) {
        if (!(claim instanceof String address)) {
            return null;
        }
        try {
            return new EmailAddress(address);
        } catch (InvariantViolationException e) {
            return null;
        }
    }

    private static String stateOf(String location) {
        var state = new QueryStringDecoder(location).parameters().get("state");
        return state == null || state.isEmpty() ? null : state.getFirst();
    }
}
