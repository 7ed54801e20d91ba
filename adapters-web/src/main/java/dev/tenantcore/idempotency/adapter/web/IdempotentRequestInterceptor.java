package dev.tenantcore.idempotency.adapter.web;

import dev.tenantcore.idempotency.application.IdempotencyKeys;
import dev.tenantcore.idempotency.application.KeptResponse;
import dev.tenantcore.shared.adapter.web.AuthenticatedTenant;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs a request that carries an idempotency key in one transaction of its organization with the key itself: the
 * key is taken (or found taken by a request still running: 409), its kept response looked up (a retry: the same
 * response again; another request under the same key: 422), and otherwise the controller runs, and its response is
 * kept in the same transaction as everything the request wrote. The use cases' own transactions join this one. So
 * a response is kept exactly when its changes committed: a request that failed, or whose commit was lost with the
 * database, kept nothing and may simply be sent again.
 *
 * <p>A key belongs to the credential that sent it within its organization; requests without the header run as
 * they always do.
 */
@Singleton
@InterceptorBean(Idempotent.class)
final class IdempotentRequestInterceptor implements MethodInterceptor<Object, Object> {
    /** Larger bodies are not kept (a retry gets 409 and the Location); no POST of the API answers one that large. */
    private static final int MAX_KEPT_BODY_BYTES = 1 << 20;

    private final IdempotencyKeys keys;
    private final TenantTransactions transactions;
    private final CurrentTenant tenant;
    private final RequestFingerprints fingerprints;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;

    IdempotentRequestInterceptor(IdempotencyKeys keys, TenantTransactions transactions, CurrentTenant tenant,
            RequestFingerprints fingerprints, JsonMapper json, Clock clock,
            @Value("${tenantcore.idempotency.retention:24h}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("tenantcore.idempotency.retention must be positive");
        }
        this.keys = keys;
        this.transactions = transactions;
        this.tenant = tenant;
        this.fingerprints = fingerprints;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        var request = ServerRequestContext.currentRequest().orElse(null);
        var header = request == null ? null : request.getHeaders().get(Idempotent.HEADER);
        if (header == null) {
            return context.proceed();
        }
        var key = IdempotencyKeyHeader.parse(header);
        var organizationId = tenant.organizationId();
        var actorId = actorOf(request);
        var fingerprint = fingerprints.of(request, context);
        var showsSecret = context.booleanValue(Idempotent.class, "showsSecret").orElse(false);
        return transactions.write(organizationId, () -> {
            if (!keys.tryHold(organizationId, actorId, key)) {
                throw new IdempotencyRefusal(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still "
                        + "being processed; retry after Retry-After seconds to get its response.", null);
            }
            var kept = keys.find(organizationId, actorId, key);
            if (kept.isPresent()) {
                return replay(kept.get(), fingerprint, context);
            }
            var result = context.proceed();
            keys.keep(organizationId, actorId, key, kept(result, fingerprint, showsSecret, context),
                    clock.instant().plus(retention));
            return result;
        });
    }

    private static UUID actorOf(HttpRequest<?> request) {
        var actorId = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getAttributes().get(AuthenticatedTenant.ACTOR_ID_ATTRIBUTE))
                .orElseThrow(() -> new IllegalStateException("an idempotent operation needs an authenticated actor"));
        return UUID.fromString(actorId.toString());
    }

    private KeptResponse kept(Object result, byte[] fingerprint, boolean showsSecret,
            MethodInvocationContext<Object, Object> context) {
        int status;
        String location = null;
        String entityTag = null;
        Object body;
        Argument<?> bodyType;
        if (result instanceof HttpResponse<?> response) {
            status = response.code();
            location = response.getHeaders().get(HttpHeaders.LOCATION);
            entityTag = response.getHeaders().get(HttpHeaders.ETAG);
            body = response.getBody().orElse(null);
            bodyType = context.getReturnType().asArgument().getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        } else {
            status = declaredStatus(context);
            body = result;
            bodyType = context.getReturnType().asArgument();
        }
        if (body == null) {
            return new KeptResponse(fingerprint, status, location, entityTag, null, false);
        }
        var text = showsSecret ? null : serialize(bodyType, body);
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_KEPT_BODY_BYTES) {
            text = null;
        }
        return new KeptResponse(fingerprint, status, location, entityTag, text, text == null);
    }

    @SuppressWarnings("unchecked")
    private String serialize(Argument<?> type, Object body) {
        try {
            return new String(json.writeValueAsBytes((Argument<Object>) type, body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a response body could not be kept for its idempotency key", e);
        }
    }

    private Object replay(KeptResponse kept, byte[] fingerprint, MethodInvocationContext<Object, Object> context) {
        if (!kept.answers(fingerprint)) {
            throw new IdempotencyRefusal(HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for "
                    + "another request (another path or body) within the last " + retention.toHours()
                    + " hours: send each new request with a new key.", null);
        }
        if (kept.withheld()) {
            throw new IdempotencyRefusal(HttpStatus.CONFLICT, "The request with this Idempotency-Key succeeded "
                    + "already; its response showed a secret, which is shown only once and was not kept. "
                    + (kept.location() == null ? "List the resources to find what it created."
                            : "What it created is at the Location given."),
                    kept.location());
        }
        var hasBody = kept.body() != null;
        var returnType = context.getReturnType();
        if (!HttpResponse.class.isAssignableFrom(returnType.getType())) {
            return hasBody ? deserialize(kept.body(), returnType.asArgument()) : null;
        }
        var response = HttpResponse.status(HttpStatus.valueOf(kept.status()));
        if (kept.location() != null) {
            response.header(HttpHeaders.LOCATION, kept.location());
        }
        if (kept.entityTag() != null) {
            response.header(HttpHeaders.ETAG, kept.entityTag());
        }
        if (hasBody) {
            response.body(deserialize(kept.body(),
                    returnType.asArgument().getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT)));
        }
        return response;
    }

    private Object deserialize(String body, Argument<?> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept response no longer reads as " + type.getTypeName(), e);
        }
    }

    private static int declaredStatus(MethodInvocationContext<Object, Object> context) {
        return context.enumValue(Status.class, HttpStatus.class).orElse(HttpStatus.OK).getCode();
    }
}
