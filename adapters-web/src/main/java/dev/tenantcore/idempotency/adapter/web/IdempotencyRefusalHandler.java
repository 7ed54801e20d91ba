package dev.tenantcore.idempotency.adapter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Idempotency refusals as problem+json. */
@Singleton
@Produces
final class IdempotencyRefusalHandler implements ExceptionHandler<IdempotencyRefusal, HttpResponse<?>> {
    /** A request still running is usually done within a second. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ErrorResponseProcessor<?> problems;

    IdempotencyRefusalHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, IdempotencyRefusal refusal) {
        var response = HttpResponse.status(refusal.status());
        if (refusal.location() != null) {
            response.header(HttpHeaders.LOCATION, refusal.location());
        } else if (refusal.status() == HttpStatus.CONFLICT) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return problems.processResponse(ErrorContext.builder(request).cause(refusal)
                .errorMessage(refusal.getMessage()).build(), response);
    }
}
