package dev.tenantcore.shared.adapter.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * JSON request bodies must be exactly one JSON value with unique member names and well-formed strings. Micronaut
 * Serde would otherwise take {@code {"title":"a"} garbage} or {@code {"title":"a"}{"title":"b"}} (it stops after the
 * first value), keep the first of two {@code title}s, and store a lone surrogate ({@code "\\ud800"}) as {@code ?}.
 * Each is a 400 naming the field, before the controller sees the body. Malformed JSON is left to the body binder,
 * whose 400 already says so.
 *
 * <p>The body is buffered (it is at most {@code micronaut.server.max-request-size}) and read once more by the
 * binder; a streaming pass over a request body costs microseconds beside the database work behind it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictJsonBodies implements Ordered {
    private static final JsonFactory JSON = new JsonFactory();

    private final ErrorResponseProcessor<?> problems;
    private final long maxJsonSize;

    /**
     * @param maxJsonSize the largest JSON body taken: micronaut.server.max-request-size is set for imports' files,
     *     far above what any JSON body needs
     */
    StrictJsonBodies(ErrorResponseProcessor<?> problems,
            @Property(name = "tenantcore.http.max-json-size", defaultValue = "1MB") @ReadableBytes long maxJsonSize) {
        this.problems = problems;
        this.maxJsonSize = maxJsonSize;
    }

    /** After security: a caller without a credential learns nothing from their body's shape. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
            FilterContinuation<Publisher<MutableHttpResponse<?>>> continuation) {
        if (!(request instanceof ServerHttpRequest<?> server) || !mayCarryJson(request)) {
            return continuation.proceed();
        }
        var buffered = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        return Mono.fromFuture(buffered).flatMap(body -> {
            Optional<Violation> violation;
            try (body) {
                var bytes = body.toByteArray();
                if (bytes.length > maxJsonSize) {
                    return Mono.just(problems.processResponse(ErrorContext.builder(request).build(),
                            HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)));
                }
                violation = violationIn(bytes);
            }
            return violation.<Mono<MutableHttpResponse<?>>>map(found -> Mono.just(problems.processResponse(
                            ErrorContext.builder(request)
                                    .error(DomainExceptionHandler.fieldError(found.field(), found.message()))
                                    .build(),
                            HttpResponse.badRequest())))
                    .orElseGet(() -> Mono.from(continuation.proceed()));
        });
    }

    private static boolean mayCarryJson(HttpRequest<?> request) {
        var method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        // Without a content type the body binder reads JSON too.
        return request.getContentType()
                .map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
                .orElse(true);
    }

    record Violation(String field, String message) {
    }

    /** The first way the body breaks the rules above; empty for a valid body and for malformed JSON. */
    static Optional<Violation> violationIn(byte[] body) {
        try (var parser = JSON.createParser(body)) {
            var namesPerObject = new ArrayDeque<Set<String>>();
            var depth = 0;
            var token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            while (true) {
                switch (token) {
                    case START_OBJECT -> {
                        namesPerObject.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> depth++;
                    case END_OBJECT -> {
                        namesPerObject.pop();
                        depth--;
                    }
                    case END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        var name = parser.currentName();
                        if (hasLoneSurrogate(name)) {
                            return Optional.of(new Violation(fieldOf(parser), "a member name has a lone UTF-16 "
                                    + "surrogate (\\ud800-\\udfff not in a pair)"));
                        }
                        if (!namesPerObject.element().add(name)) {
                            return Optional.of(new Violation(fieldOf(parser), "appears more than once"));
                        }
                    }
                    case VALUE_STRING -> {
                        if (hasLoneSurrogate(parser.getText())) {
                            return Optional.of(new Violation(fieldOf(parser), "has a lone UTF-16 surrogate "
                                    + "(\\ud800-\\udfff not in a pair): not a valid Unicode string"));
                        }
                    }
                    default -> {
                        // numbers and literals need no check of their own
                    }
                }
                if (depth == 0) {
                    return hasMoreThanWhitespace(parser) ? Optional.of(TRAILING_CONTENT) : Optional.empty();
                }
                token = parser.nextToken();
            }
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    private static final Violation TRAILING_CONTENT = new Violation(null, "the body has content after its JSON "
            + "value; send exactly one JSON value");

    private static boolean hasMoreThanWhitespace(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException anythingThatIsNotJson) {
            return true;
        }
    }

    /** The field as clients name it: {@code owner.email}, {@code settings.sidebar}; null for the whole body. */
    private static String fieldOf(JsonParser parser) {
        var pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? null : pointer.substring(1).replace('/', '.');
    }

    static boolean hasLoneSurrogate(String text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
