package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.adapter.web.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** The problem details of an OpenID Connect login that ended without tokens: one type per cause. */
@Singleton
@Produces
final class OidcProblems implements ExceptionHandler<OidcLoginException, HttpResponse<?>> {
    static final String TYPE_BASE = "https://tenantcore.dev/problems/";

    @Override
    public HttpResponse<?> handle(HttpRequest request, OidcLoginException exception) {
        return switch (exception) {
            case OidcLoginRefusedException refused -> problem(HttpStatus.valueOf(refused.reason().status()),
                    refused.reason().type(),
                    refused.reason().title(), refused.getMessage());
            case OidcProviderUnavailableException unavailable -> problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "oidc-provider-unavailable", "OpenID provider unavailable", unavailable.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
        };
    }

    private static MutableHttpResponse<Problem> problem(HttpStatus status, String type,
            String title, String detail) {
        return HttpResponse.<Problem>status(status)
                .body(new Problem(TYPE_BASE + type, title, status.getCode(), detail, null, List.of()))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
