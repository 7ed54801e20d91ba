package dev.tenantcore.audit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event's place in the log: events are ordered by the instant of their transaction, and within one transaction
 * by their time-ordered id.
 */
public record AuditEventPosition(Instant occurredAt, UUID id) {
    public AuditEventPosition {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(id, "id");
    }
}
