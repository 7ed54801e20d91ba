package dev.tenantcore.audit.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which events to list; a {@code null} criterion does not filter. {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditEventFilter(
        String entityTypeOrNull,
        UUID entityIdOrNull,
        UUID actorIdOrNull,
        String actionOrNull,
        Instant fromOrNull,
        Instant toOrNull) {
    public static final AuditEventFilter ALL = new AuditEventFilter(null, null, null, null, null, null);
    /** Entity types and actions are lower-case words joined by underscores: {@code api_key}, {@code revoke}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,62}");

    public AuditEventFilter {
        requireName("entityType", entityTypeOrNull);
        requireName("action", actionOrNull);
        Timestamps.withinRange("from", fromOrNull);
        Timestamps.withinRange("to", toOrNull);
        if (fromOrNull != null && toOrNull != null && !fromOrNull.isBefore(toOrNull)) {
            throw new InvariantViolationException("to", "to must be after from");
        }
    }

    /** One entity's events. */
    public static AuditEventFilter entity(String entityType, UUID entityId) {
        return new AuditEventFilter(entityType, entityId, null, null, null, null);
    }

    public Optional<String> entityType() {
        return Optional.ofNullable(entityTypeOrNull);
    }

    public Optional<UUID> entityId() {
        return Optional.ofNullable(entityIdOrNull);
    }

    public Optional<UUID> actorId() {
        return Optional.ofNullable(actorIdOrNull);
    }

    public Optional<String> action() {
        return Optional.ofNullable(actionOrNull);
    }

    public Optional<Instant> from() {
        return Optional.ofNullable(fromOrNull);
    }

    public Optional<Instant> to() {
        return Optional.ofNullable(toOrNull);
    }

    private static void requireName(String field, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            throw new InvariantViolationException(field, field + " must be a lower-case name such as "
                    + (field.equals("action") ? "update" : "api_key"));
        }
    }
}
