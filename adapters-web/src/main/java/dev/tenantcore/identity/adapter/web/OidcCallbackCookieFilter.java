package dev.tenantcore.identity.adapter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A callback ends its flow whatever it answers, an error included: the browser drops the flow's cookie (the one
 * named after the callback's state; other logins in progress in the same browser keep theirs), so a flow that
 * failed cannot be finished later by replaying its callback.
 */
@ServerFilter("/v1/auth/oidc/*/callback")
final class OidcCallbackCookieFilter {
    @ResponseFilter
    void endFlow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var state = request.getParameters().get("state");
        if (state != null) {
            response.cookie(OidcFlowCookies.expired(state, request.isSecure()));
        }
    }
}
