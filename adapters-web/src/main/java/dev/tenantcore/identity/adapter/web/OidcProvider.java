package dev.tenantcore.identity.adapter.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tenantcore.identity.application.ExternalLoginPolicy;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One OpenID Connect provider: its configuration, and its discovery document and signing keys, fetched when a
 * login first needs them rather than at start-up. A failed fetch is tried again after a short, growing pause
 * (1 s doubling to 8 s), so a provider that comes back is used again within seconds, and one that is down is not
 * asked again by every login; meanwhile its logins get {@link OidcProviderUnavailableException}. Keys are
 * fetched again when an ID token names a key id they do not have (a provider rotated its keys).
 */
final class OidcProvider {
    private static final System.Logger LOG = System.getLogger(OidcProvider.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(8);
    /** A provider's endpoints rarely move; fetching the document again now and then follows them when they do. */
    private static final Duration DISCOVERY_LIFETIME = Duration.ofHours(1);
    /** How recent a contact must be for the health check to report it without asking the provider again. */
    private static final Duration HEALTH_FRESHNESS = Duration.ofSeconds(30);
    private static final int RESPONSE_SIZE_LIMIT = 512 * 1024;

    /** What discovery found: the endpoints, and the validator of ID tokens signed by the provider's keys. */
    record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms,
            IDTokenValidator idTokens) {
    }

    /** The provider as the health check shows it. */
    record Reachability(boolean reachable, Instant checkedAt, String problem) {
    }

    private final String name;
    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret clientSecret;
    private final ExternalLoginPolicy policy;
    private final Duration timeout;
    private final Clock clock;

    private Discovered discovered;
    private Instant discoveredAt;
    private Instant retryAt;
    private int failuresInARow;
    private Reachability reachability;

    OidcProvider(String name, String issuer, String clientId, String clientSecret, ExternalLoginPolicy policy,
            Duration timeout, Clock clock) {
        this.name = name;
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(clientId);
        this.clientSecret = clientSecret == null ? null : new Secret(clientSecret);
        this.policy = policy;
        this.timeout = timeout;
        this.clock = clock;
        this.reachability = new Reachability(false, null, "not contacted yet");
    }

    String name() {
        return name;
    }

    ExternalLoginPolicy policy() {
        return policy;
    }

    ClientID clientId() {
        return clientId;
    }

    Secret clientSecret() {
        return clientSecret;
    }

    int timeoutMillis() {
        return (int) timeout.toMillis();
    }

    /**
     * The provider's discovery document and keys; fetched now if there are none yet or they are old. An old
     * document is still used while the provider cannot be reached.
     *
     * @throws OidcProviderUnavailableException when there is no document and the provider cannot give one now
     */
    synchronized Discovered discovered() {
        var now = clock.instant();
        if (discovered != null && now.isBefore(discoveredAt.plus(DISCOVERY_LIFETIME))) {
            return discovered;
        }
        if (retryAt == null || !now.isBefore(retryAt)) {
            discover(now);
        }
        if (discovered == null) {
            throw unavailable(now);
        }
        return discovered;
    }

    /** The provider's state for the health check, asking it again when the last contact is not recent. */
    synchronized Reachability reachability() {
        var now = clock.instant();
        var stale = reachability.checkedAt() == null || !now.isBefore(reachability.checkedAt().plus(HEALTH_FRESHNESS));
        if (stale && (retryAt == null || !now.isBefore(retryAt))) {
            discover(now);
        }
        return reachability;
    }

    /**
     * Records that a call to the provider (its token or key endpoint) failed for a reason of the provider's, and
     * answers what its login gets: the next attempt waits for the same pause as a failed discovery.
     */
    synchronized OidcProviderUnavailableException failed(String what) {
        var now = clock.instant();
        noteFailure(now, what);
        return unavailable(now);
    }

    private void discover(Instant now) {
        try {
            var fetched = fetchDiscovery();
            discovered = fetched;
            discoveredAt = now;
            retryAt = null;
            failuresInARow = 0;
            reachability = new Reachability(true, now, null);
        } catch (IOException e) {
            noteFailure(now, "discovery failed: " + e.getClass().getSimpleName());
        } catch (GeneralException | IllegalArgumentException e) {
            noteFailure(now, "discovery answered no usable document");
        } catch (WrongIssuerException e) {
            noteFailure(now, e.getMessage());
        }
    }

    private void noteFailure(Instant now, String problem) {
        failuresInARow++;
        var pause = FIRST_RETRY.multipliedBy(1L << Math.min(failuresInARow - 1, 3));
        retryAt = now.plus(pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause);
        if (reachability.reachable() || failuresInARow == 1) {
            LOG.log(System.Logger.Level.WARNING, "OpenID provider {0} unavailable: {1}; asked again from {2}",
                    name, problem, retryAt);
        }
        reachability = new Reachability(false, now, problem);
    }

    private OidcProviderUnavailableException unavailable(Instant now) {
        var wait = retryAt == null ? FIRST_RETRY : Duration.between(now, retryAt);
        return new OidcProviderUnavailableException(name, Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private Discovered fetchDiscovery() throws IOException, GeneralException, WrongIssuerException {
        var request = new HTTPRequest(HTTPRequest.Method.GET, OIDCProviderMetadata.resolveURL(issuer));
        request.setConnectTimeout(timeoutMillis());
        request.setReadTimeout(timeoutMillis());
        var response = request.send();
        if (!response.indicatesSuccess()) {
            throw new IOException("HTTP " + response.getStatusCode());
        }
        var metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
        if (!sameIssuer(metadata.getIssuer().getValue(), issuer.getValue())) {
            throw new WrongIssuerException("its discovery document names the issuer " + metadata.getIssuer()
                    + ", not the configured " + issuer);
        }
        var keys = JWKSourceBuilder.<SecurityContext>create(url(metadata.getJWKSetURI()),
                        new DefaultResourceRetriever(timeoutMillis(), timeoutMillis(), RESPONSE_SIZE_LIMIT))
                // An unknown key id fetches the keys again, but not more often than this (forged ids cost nothing).
                .rateLimited(FIRST_RETRY.toMillis())
                .retrying(true)
                .build();
        var algorithms = new HashSet<JWSAlgorithm>(metadata.getIDTokenJWSAlgs() == null
                ? List.of(JWSAlgorithm.RS256) : metadata.getIDTokenJWSAlgs());
        algorithms.removeIf(algorithm -> JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)
                || "none".equals(algorithm.getName()));
        // The issuer every ID token must name is the configured one (as the discovery document spells it).
        var idTokens = new IDTokenValidator(metadata.getIssuer(), clientId,
                new JWSVerificationKeySelector<>(algorithms, keys), null);
        return new Discovered(metadata, keys, Set.copyOf(algorithms), idTokens);
    }

    private static java.net.URL url(URI uri) throws MalformedURLException {
        if (uri == null) {
            throw new IllegalArgumentException("no jwks_uri");
        }
        return uri.toURL();
    }

    /** Issuer identifiers compared as RFC 8414 does, except for one trailing slash that configurations vary on. */
    static boolean sameIssuer(String announced, String configured) {
        return withoutTrailingSlash(announced).equals(withoutTrailingSlash(configured));
    }

    private static String withoutTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static final class WrongIssuerException extends Exception {
        WrongIssuerException(String message) {
            super(message);
        }
    }
}
