package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.Actor;
import java.util.Objects;

/**
 * Who is calling and from where, as the audit log records it with every change the call makes. The optional
 * parts are null when unknown (work that no request started).
 *
 * @param requestId the request's id, also returned in its {@code X-Request-Id} header
 * @param clientAddress an IPv4 or IPv6 address literal
 */
public record Caller(Actor actor, String requestId, String clientAddress, String userAgent) {
    public static final Caller SYSTEM = new Caller(Actor.SYSTEM, null, null, null);

    public Caller {
        Objects.requireNonNull(actor, "actor");
    }
}
