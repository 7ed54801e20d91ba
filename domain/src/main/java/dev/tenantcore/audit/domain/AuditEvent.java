package dev.tenantcore.audit.domain;

import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One recorded change to an audited entity. Events are written by the database (a trigger on every audited table),
 * never by the service, so this type is only ever read.
 *
 * @param action {@code create}, {@code update}, {@code delete} or a named action such as {@code revoke}
 * @param entityType the audited entity's type as the API names it, e.g. {@code task}
 * @param oldValues a JSON object, column name to value: the whole row for a delete, the changed columns' previous
 *     values for an update, null for a create
 * @param newValues a JSON object: the whole row for a create, the changed columns' new values for an update, null
 *     for a delete
 * @param requestId null when no request caused the change, as are clientAddress and userAgent
 */
public record AuditEvent(
        OrganizationId organizationId,
        UUID id,
        Instant occurredAt,
        Actor actor,
        String action,
        String entityType,
        UUID entityId,
        String oldValues,
        String newValues,
        String requestId,
        String clientAddress,
        String userAgent) {

    public AuditEvent {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
    }

    /** Where this event sits in the log's order, for keyset pagination. */
    public AuditEventPosition position() {
        return new AuditEventPosition(occurredAt, id);
    }
}
