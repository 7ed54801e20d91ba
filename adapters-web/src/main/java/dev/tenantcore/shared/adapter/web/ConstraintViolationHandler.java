package dev.tenantcore.shared.adapter.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;

/**
 * Bean Validation failures on request bodies and parameters: 422, one field error per violation, named as the
 * client wrote it ({@code title}, not {@code create.request.title}).
 */
@Singleton
@Produces
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> problems;

    ConstraintViolationHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        var errors = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(violation -> DomainExceptionHandler.fieldError(field(violation), violation.getMessage()))
                .toList();
        return problems.processResponse(ErrorContext.builder(request).cause(exception).errors(errors).build(),
                HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY));
    }

    /** The last node of the path: method and parameter nodes name Java code, not the request. */
    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last;
    }
}
