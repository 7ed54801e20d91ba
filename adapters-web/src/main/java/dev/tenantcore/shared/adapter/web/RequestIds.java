package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.UuidV7;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and recorded with every change it makes (the audit
 * log). A well-formed id sent by the client (or a proxy in front) is kept, so one id follows a request across
 * systems; anything else is replaced by a fresh one. Runs before security, so a 401 carries an id too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIds implements Ordered {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The current request's id (absent only before this filter ran). */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        var sent = request.getHeaders().get(HEADER);
        request.setAttribute(ATTRIBUTE, sent != null && WELL_FORMED.matcher(sent).matches()
                ? sent : UuidV7.next().toString());
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        of(request).ifPresent(id -> response.header(HEADER, id));
    }
}
