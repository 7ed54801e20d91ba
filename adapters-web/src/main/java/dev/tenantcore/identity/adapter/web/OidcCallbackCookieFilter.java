package dev.tenantcore.identity.adapter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A callback ends its flow whatever it answers, an error included: the browser drops the flow cookie, so a flow
 * that failed cannot be finished later by replaying its callback.
 */
@ServerFilter("/v1/auth/oidc/*/callback")
final class OidcCallbackCookieFilter {
    private final OidcFlowCookies cookies;

    OidcCallbackCookieFilter(OidcFlowCookies cookies) {
        this.cookies = cookies;
    }

    @ResponseFilter
    void endFlow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(cookies.expired(request.isSecure()));
    }
}
