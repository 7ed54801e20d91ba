package dev.tenantcore.shared.adapter.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns every error response Micronaut produces (our exception handlers, its own for malformed JSON, failed
 * conversions, unknown routes, security rejections) into an RFC 9457 problem, so clients see one error format.
 * Hand-written rather than micronaut-problem-json: that module's releases for Micronaut 4.10 are not resolvable
 * from the Maven repository this project builds against, and this SPI is all it would have used.
 */
@Singleton
@Primary // over Micronaut's default JSON error processor, for every handler that asks for one
final class ProblemJsonErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    static final String TYPE_BASE = "https://tenantcore.dev/problems/";
    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "content-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "validation-failed"),
            Map.entry(429, "too-many-requests"),
            Map.entry(503, "unavailable"));

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        var status = response.code();
        var decoding = status == HttpStatus.BAD_REQUEST.getCode()
                ? context.getRootCause().flatMap(ProblemJsonErrorResponseProcessor::decodingError)
                : Optional.<Problem.FieldError>empty();
        var errors = decoding.map(List::of).orElseGet(() -> context.getErrors().stream()
                .map(error -> new Problem.FieldError(fieldOf(error), withoutJavaNames(error.getMessage())))
                .toList());
        var problem = new Problem(
                TYPES.containsKey(status) ? TYPE_BASE + TYPES.get(status) : "about:blank",
                HttpStatus.valueOf(status).getReason(),
                status,
                detail(status, errors),
                null, // instance: left out, so that answers for another tenant's id and a random id stay identical
                errors.stream().anyMatch(error -> error.field() != null) ? errors : List.of());
        if (status == HttpStatus.UNAUTHORIZED.getCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    private static String detail(int status, List<Problem.FieldError> errors) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode() && errors.size() == 1) {
            return errors.getFirst().message();
        }
        if (status >= 500) {
            return "The server failed to handle the request. Nothing in it was the cause; try again later.";
        }
        if (status == HttpStatus.UNAUTHORIZED.getCode()) {
            // One answer for missing, malformed, unknown, revoked and expired credentials, and wrong passwords.
            return "Valid credentials are required: an API key or an access token as 'Authorization: Bearer "
                    + "<token>', or the right password where the operation takes one.";
        }
        if (errors.isEmpty()) {
            return HttpStatus.valueOf(status).getReason();
        }
        if (errors.size() == 1) {
            return errors.getFirst().message();
        }
        return "The request has " + errors.size() + " invalid fields; see errors.";
    }

    /**
     * A body that JSON decoding refused, as the client sees it: the property (Serde knows its path) and what was
     * wrong with its value, without the Java types, classes and parser positions that Serde's messages name.
     */
    private static Optional<Problem.FieldError> decodingError(Throwable root) {
        String field = null;
        Throwable innermost = root;
        for (var cause = root; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerdeException serde && field == null) {
                field = propertyPath(serde.getPathAsString());
            }
            if (cause instanceof InvalidPropertyFormatException invalid && field == null) {
                field = invalid.getArgument().getName();
            }
            innermost = cause;
        }
        if (!(innermost instanceof IOException) && field == null) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError(field, withoutJavaNames(innermost.getMessage())));
    }

    private static final Pattern PATH_SEGMENT = Pattern.compile("\\[\"([^\"]*)\"]|\\[(\\d+)]");

    /** Serde's {@code dev.….CreateTaskRequest["owner"]["email"]} as clients name it: {@code owner.email}. */
    private static String propertyPath(String serdePath) {
        if (serdePath == null) {
            return null;
        }
        var segments = new ArrayList<String>();
        var matcher = PATH_SEGMENT.matcher(serdePath);
        while (matcher.find()) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return segments.isEmpty() ? null : String.join(".", segments);
    }

    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*at \\[Source:.*$", Pattern.DOTALL);
    private static final Pattern JAVA_NAMES = Pattern.compile("(class |`)?\\b(java|javax|jakarta|io|dev|com|org)"
            + "\\.[A-Za-z0-9_.$]+`?|\\bException\\b");
    private static final Pattern DECODING_PREFIX = Pattern.compile("^(Cannot deserialize value of type .*? due "
            + "to: |Error decoding property \\[[^]]*] of type \\[[^]]*]: |Failed to convert argument \\[[^]]*] "
            + "for value \\[[^]]*] due to: )+");

    /** A message fit for clients: no parser positions, and no Java class or package names. */
    static String withoutJavaNames(String message) {
        if (message == null) {
            return null;
        }
        var plain = PARSER_LOCATION.matcher(message).replaceFirst("");
        plain = DECODING_PREFIX.matcher(plain).replaceFirst("");
        if (JAVA_NAMES.matcher(plain).find()) {
            return "the value has the wrong type or format";
        }
        return plain.strip();
    }

    /** Micronaut reports paths like {@code /title} or {@code create.request.title}; clients want {@code title}. */
    private static String fieldOf(Error error) {
        return error.getPath()
                .map(path -> path.replaceFirst("^/", ""))
                .filter(path -> !path.isBlank())
                .orElse(null);
    }
}
