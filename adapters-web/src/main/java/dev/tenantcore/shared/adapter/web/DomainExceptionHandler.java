package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.DomainException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Maps the errors the domain and use cases raise on purpose to their HTTP status. */
@Singleton
@Produces
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> problems;

    DomainExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        var status = switch (exception) {
            case ResourceNotFoundException ignored -> HttpStatus.NOT_FOUND;
            case ConflictException ignored -> HttpStatus.CONFLICT;
            case StaleVersionException ignored -> HttpStatus.PRECONDITION_FAILED;
            case InvariantViolationException ignored -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        var context = ErrorContext.builder(request).cause(exception);
        if (exception instanceof InvariantViolationException invalid) {
            context.error(fieldError(invalid.field(), invalid.getMessage()));
        } else {
            context.errorMessage(exception.getMessage());
        }
        return problems.processResponse(context.build(), HttpResponse.status(status));
    }

    static Error fieldError(String field, String message) {
        return new Error() {
            @Override
            public Optional<String> getPath() {
                return Optional.ofNullable(field);
            }

            @Override
            public String getMessage() {
                return message;
            }
        };
    }
}
