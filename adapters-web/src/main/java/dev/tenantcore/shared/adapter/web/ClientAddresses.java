package dev.tenantcore.shared.adapter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The client address of a request, the same one the audit log records and the login throttle counts: the peer, or
 * what a trusted proxy forwards ({@code micronaut.server.client-address-header}), as a canonical IP literal.
 */
@Singleton
public final class ClientAddresses {
    private final HttpClientAddressResolver resolver;

    ClientAddresses(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    /** The address literal, or null when there is none that parses. */
    public String of(HttpRequest<?> request) {
        return RequestCaller.addressLiteral(resolver.resolve(request));
    }
}
