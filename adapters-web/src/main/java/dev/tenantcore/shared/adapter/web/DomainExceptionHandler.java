package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.DomainException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import io.micronaut.http.HttpHeaders;
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
            case AccessDeniedException ignored -> HttpStatus.FORBIDDEN;
            case AuthenticationFailedException ignored -> HttpStatus.UNAUTHORIZED;
            case TooManyAttemptsException ignored -> HttpStatus.TOO_MANY_REQUESTS;
        };
        var response = HttpResponse.status(status);
        if (exception instanceof TooManyAttemptsException tooMany) {
            // Whole seconds, rounded up: a client that waits exactly this long is let through.
            var millis = tooMany.retryAfter().toMillis();
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
        }
        var context = ErrorContext.builder(request).cause(exception);
        if (exception instanceof InvariantViolationException invalid) {
            context.error(fieldError(invalid.field(), invalid.getMessage()));
        } else {
            context.errorMessage(exception.getMessage());
        }
        return problems.processResponse(context.build(), response);
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
