package dev.tenantcore.shared.adapter.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * The headers every response carries, whatever produced it (a controller, an error handler, security, CORS):
 * nothing but the API's description is cached unless a route says otherwise (tokens, keys and tenant data must not
 * sit in a shared cache), content types are not sniffed, no page of this origin is framed, no referrer leaves it,
 * HSTS over TLS, and a strict Content-Security-Policy (relaxed for the Swagger UI, whose page needs its own scripts
 * and styles). A request that the CORS policy refuses gets a problem like every other refusal, not an empty 403.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private final ErrorResponseProcessor<?> problems;

    SecurityHeaders(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    /** Outermost, so that it sees the answers of every other filter too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    MutableHttpResponse<?> addTo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var answer = refusedCrossOrigin(request, response)
                ? problems.processResponse(ErrorContext.builder(request)
                        .errorMessage("this origin may not call the API from a browser (CORS policy)").build(),
                        response)
                : response;
        var headers = answer.getHeaders();
        var path = request.getPath();
        if (!headers.contains(HttpHeaders.CACHE_CONTROL) && !path.startsWith("/swagger")) {
            headers.add(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("X-Frame-Options", "DENY");
        headers.add("Referrer-Policy", "no-referrer");
        headers.add("Content-Security-Policy",
                path.startsWith("/swagger-ui") ? SWAGGER_UI_POLICY : API_POLICY);
        if (request.isSecure()) {
            headers.add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return answer;
    }

    /** Micronaut's CORS filter answers a refused origin with a bare 403. */
    private static boolean refusedCrossOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return response.getStatus() == HttpStatus.FORBIDDEN && request.getHeaders().contains(HttpHeaders.ORIGIN)
                && response.getBody().isEmpty();
    }
}
