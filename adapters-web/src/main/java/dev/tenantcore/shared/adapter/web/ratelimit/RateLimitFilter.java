package dev.tenantcore.shared.adapter.web.ratelimit;

import dev.tenantcore.shared.adapter.web.AuthenticatedTenant;
import dev.tenantcore.shared.adapter.web.ClientAddresses;
import dev.tenantcore.shared.application.ClientNetwork;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Rate limits on the whole API: every authenticated request takes a token from its credential's bucket (the API key,
 * or the user) and from its organization's; the public endpoints that take secrets (log in, refresh, log out,
 * accept an invitation, sign up, the OpenID Connect callback) also take one from the client network's bucket (an
 * IPv4 address, an IPv6 /64). When any bucket is empty the answer is 429 problem+json with {@code Retry-After};
 * every answer carries {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers).
 *
 * <p>It runs after security, so it knows the credential, and before the controller, so a refused request costs no
 * database work. A refusal is answered after {@code tenantcore.rate-limit.refusal-delay} (1 s), on a timer that holds
 * no thread: a client that floods over N connections, waiting for each answer as nearly all clients do, then gets at
 * most N answers a second instead of as many as the CPU can produce, and leaves the CPU to the other tenants.
 * Requests security refuses (no or a bad credential) never reach it: those are answered without the database for
 * cached keys and tokens. Paths outside {@code /v1} (health, OpenAPI) are not limited.
 */
@Filter("/v1/**")
@Requires(property = "tenantcore.rate-limit.enabled", notEquals = "false")
final class RateLimitFilter implements HttpServerFilter {
    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    private static final Set<String> SECRET_TAKING_POSTS = Set.of(
            "/v1/auth/token", "/v1/auth/refresh", "/v1/auth/logout", "/v1/invitations/accept", "/v1/organizations",
            "/v1/auth/oidc/exchange");
    private static final Pattern OIDC_CALLBACK = Pattern.compile("/v1/auth/oidc/[^/]+/callback");

    private final Buckets buckets;
    private final ClientAddresses addresses;
    private final ErrorResponseProcessor<?> problems;
    private final Quota credential;
    private final Quota organization;
    private final Quota address;
    private final Duration refusalDelay;

    RateLimitFilter(Buckets buckets, RateLimitConfiguration configuration, ClientAddresses addresses,
            ErrorResponseProcessor<?> problems) {
        this.buckets = buckets;
        this.addresses = addresses;
        this.problems = problems;
        this.credential = configuration.credential();
        this.organization = configuration.organization();
        this.address = configuration.address();
        this.refusalDelay = configuration.getRefusalDelay();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** One bucket a request takes a token from. */
    private record Limit(Quota quota, String key) {
    }

    /** What one bucket answered. */
    private record Outcome(Quota quota, ConsumptionProbe probe) {
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        var limits = limitsOf(request);
        if (limits.isEmpty()) {
            return chain.proceed(request);
        }
        var pending = new ArrayList<CompletableFuture<ConsumptionProbe>>(limits.size());
        for (var limit : limits) {
            pending.add(buckets.tryConsume(limit.key(), limit.quota()));
        }
        if (pending.stream().allMatch(CompletableFuture::isDone)) {
            // In-process buckets: decided already, on this thread.
            return decide(request, chain, limits, pending);
        }
        // Redis: continue when every bucket has answered, on whichever thread that is, in this request's context.
        var context = PropagatedContext.get();
        return Mono.fromFuture(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)))
                .then(Mono.defer(() -> {
                    try (var ignored = context.propagate()) {
                        return Mono.from(decide(request, chain, limits, pending));
                    }
                }));
    }

    private Publisher<MutableHttpResponse<?>> decide(HttpRequest<?> request, ServerFilterChain chain,
            List<Limit> limits, List<CompletableFuture<ConsumptionProbe>> answers) {
        var outcomes = new ArrayList<Outcome>(limits.size());
        for (var i = 0; i < limits.size(); i++) {
            outcomes.add(new Outcome(limits.get(i).quota(), answers.get(i).join()));
        }
        var refused = outcomes.stream().filter(outcome -> !outcome.probe().isConsumed()).toList();
        if (!refused.isEmpty()) {
            var tooMany = Mono.<MutableHttpResponse<?>>just(tooManyRequests(request, outcomes, refused));
            return refusalDelay.isZero() || refusalDelay.isNegative() ? tooMany : tooMany.delayElement(refusalDelay);
        }
        return Mono.from(chain.proceed(request)).map(response -> withHeaders(response, outcomes));
    }

    private List<Limit> limitsOf(HttpRequest<?> request) {
        var limits = new ArrayList<Limit>(3);
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            var attributes = authentication.getAttributes();
            var actorType = attributes.get(AuthenticatedTenant.ACTOR_TYPE_ATTRIBUTE);
            var actorId = attributes.get(AuthenticatedTenant.ACTOR_ID_ATTRIBUTE);
            var organizationId = attributes.get(AuthenticatedTenant.ORGANIZATION_ATTRIBUTE);
            if (actorType != null && actorId != null) {
                limits.add(new Limit(credential, "credential:" + actorType + ':' + actorId));
            }
            if (organizationId != null) {
                limits.add(new Limit(organization, "organization:" + organizationId));
            }
        });
        if (takesSecrets(request)) {
            var literal = addresses.of(request);
            limits.add(new Limit(address, "address:" + (literal == null ? "unknown" : ClientNetwork.of(literal))));
        }
        return limits;
    }

    static boolean takesSecrets(HttpRequest<?> request) {
        var path = request.getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return request.getMethod() == HttpMethod.POST
                ? SECRET_TAKING_POSTS.contains(path)
                : request.getMethod() == HttpMethod.GET && OIDC_CALLBACK.matcher(path).matches();
    }

    private MutableHttpResponse<?> tooManyRequests(HttpRequest<?> request, List<Outcome> outcomes,
            List<Outcome> refused) {
        var waitNanos = refused.stream().mapToLong(outcome -> outcome.probe().getNanosToWaitForRefill()).max()
                .orElse(0);
        var retryAfter = Math.max(1, Quota.ceilSeconds(waitNanos));
        var first = refused.getFirst().quota();
        var response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        var context = ErrorContext.builder(request)
                .errorMessage("Too many requests: the " + first.name() + " limit of " + first.capacity()
                        + " requests per " + Math.max(1, Quota.ceilSeconds(first.period().toNanos()))
                        + " s is used up; retry after " + retryAfter + " s.")
                .build();
        return withHeaders(problems.processResponse(context, response), outcomes);
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response, List<Outcome> outcomes) {
        var policies = new StringBuilder(64);
        var states = new StringBuilder(64);
        for (var outcome : outcomes) {
            if (!policies.isEmpty()) {
                policies.append(", ");
                states.append(", ");
            }
            policies.append(outcome.quota().policyItem());
            var probe = outcome.probe();
            states.append('"').append(outcome.quota().name()).append("\";r=").append(probe.getRemainingTokens())
                    .append(";t=").append(Quota.ceilSeconds(probe.isConsumed()
                            ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()));
        }
        return response.header(POLICY_HEADER, policies.toString()).header(STATE_HEADER, states.toString());
    }
}
