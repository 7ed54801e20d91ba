package dev.tenantcore.shared.adapter.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;

/**
 * Puts the request id, the organization and the actor into the logging context of everything that runs for the
 * request, on whichever thread it continues, so that each log line says whose request it was. Ids only: never a
 * credential, an address or a name. Runs once security has judged the credential.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class LogContext implements Ordered {
    static final String REQUEST_ID = "requestId";
    static final String ORGANIZATION = "organizationId";
    static final String ACTOR = "actor";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void addTo(HttpRequest<?> request, MutablePropagatedContext propagated) {
        var context = new HashMap<String, String>();
        RequestIds.of(request).ifPresent(id -> context.put(REQUEST_ID, id));
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            var organization = authentication.getAttributes().get(AuthenticatedTenant.ORGANIZATION_ATTRIBUTE);
            if (organization != null) {
                context.put(ORGANIZATION, organization.toString());
            }
            var actor = AuthenticatedTenant.actorOf(authentication);
            context.put(ACTOR, actor.id() == null ? actor.type().code() : actor.type().code() + ":" + actor.id());
        });
        propagated.add(new MdcPropagationContext(context));
    }
}
