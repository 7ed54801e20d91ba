package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.domain.Actor;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The caller of the current request, for the audit log: the actor from the verified credential (anonymous without
 * one), the request id, the client address ({@code micronaut.server.client-address-header} makes it the one a
 * trusted proxy forwards) and the user agent. Outside a request: the system.
 */
@Singleton
final class RequestCaller implements CurrentCaller {
    static final int MAX_USER_AGENT_LENGTH = 512;
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final SecurityService security;
    private final HttpClientAddressResolver addresses;

    RequestCaller(SecurityService security, HttpClientAddressResolver addresses) {
        this.security = security;
        this.addresses = addresses;
    }

    @Override
    public Caller caller() {
        return ServerRequestContext.currentRequest().map(this::callerOf).orElse(Caller.SYSTEM);
    }

    private Caller callerOf(HttpRequest<?> request) {
        var actor = security.getAuthentication().map(AuthenticatedTenant::actorOf).orElse(Actor.ANONYMOUS);
        return new Caller(actor, RequestIds.of(request).orElse(null), addressLiteral(addresses.resolve(request)),
                userAgent(request.getHeaders().get(HttpHeaders.USER_AGENT)));
    }

    /** A canonical IP literal, or null: a forwarded header may carry anything, and the database wants an inet. */
    static String addressLiteral(String resolved) {
        if (resolved == null) {
            return null;
        }
        var candidate = resolved.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        var zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        if (!ADDRESS_LITERAL.matcher(candidate).matches()) {
            return null;
        }
        try {
            // A literal of digits, dots and colons: parsed, never looked up.
            var address = InetAddress.getByName(candidate).getHostAddress();
            var scope = address.indexOf('%');
            return scope < 0 ? address : address.substring(0, scope);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static String userAgent(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var clean = CONTROL_CHARACTERS.matcher(header).replaceAll(" ").strip();
        return clean.length() <= MAX_USER_AGENT_LENGTH ? clean : clean.substring(0, MAX_USER_AGENT_LENGTH);
    }
}
