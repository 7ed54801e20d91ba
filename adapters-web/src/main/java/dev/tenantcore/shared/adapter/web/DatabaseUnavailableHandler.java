package dev.tenantcore.shared.adapter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for exceptions no other handler claims. When the database (or the pooler in front of it) cannot
 * be reached the answer is 503 with Retry-After, logged as one line: the request was not at fault, and a client may
 * retry once the server is back. Everything else stays what Micronaut makes of it, a logged 500.
 */
@Singleton
@Produces
final class DatabaseUnavailableHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    static final String RETRY_AFTER_SECONDS = "2";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    /** 57P01–03: the server shuts down, crashed, or is not yet accepting connections; 53300: no connection slots. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * What HikariCP's stand-in for a connection it has already discarded (after a connection error earlier in the
     * same transaction) throws, without an SQL state; the first error is lost by then.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private final ErrorResponseProcessor<?> problems;

    DatabaseUnavailableHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        var unreachable = databaseUnreachable(exception);
        if (unreachable == null) {
            LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
            return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                    HttpResponse.serverError());
        }
        LOG.warn("{} {} answered 503: the database is unreachable ({}: {})", request.getMethod(), request.getPath(),
                unreachable.getSQLState(), unreachable.getMessage());
        return problems.processResponse(ErrorContext.builder(request).cause(exception)
                        .errorMessage("The database is unreachable. Nothing in the request was the cause; try again "
                                + "after Retry-After seconds.")
                        .build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                        RETRY_AFTER_SECONDS));
    }

    /** The SQL exception in the cause chain that says the connection, not the statement, failed; or null. */
    static SQLException databaseUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && connectionFailure(sql)) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean connectionFailure(SQLException exception) {
        var state = exception.getSQLState();
        return exception instanceof SQLTransientConnectionException
                || exception instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)))
                || (state == null && HIKARI_CLOSED_CONNECTION.equals(exception.getMessage()));
    }
}
