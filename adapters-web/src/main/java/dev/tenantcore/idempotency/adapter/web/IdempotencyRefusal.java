package dev.tenantcore.idempotency.adapter.web;

import io.micronaut.http.HttpStatus;

/** A request whose idempotency key forbids running it: answered with {@link #status()} and nothing written. */
final class IdempotencyRefusal extends RuntimeException {
    private final HttpStatus status;
    private final String location;

    IdempotencyRefusal(HttpStatus status, String message, String location) {
        super(message, null, false, false);
        this.status = status;
        this.location = location;
    }

    HttpStatus status() {
        return status;
    }

    /** Where the first request's resource is, for a 409 that cannot replay a secret. */
    String location() {
        return location;
    }
}
