package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.Permission;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declares that a REST collection's entities are audited (their table has the audit trigger, migration V3), which
 * gives them {@code GET /v1/<collection>/{id}/history}. A module declares one as a bean.
 *
 * @param collection the path segment under /v1, e.g. {@code tasks}
 * @param entityType the entity type its trigger records, e.g. {@code task}
 * @param readPermission what reading one of its entities needs; reading its history needs the same
 */
public record AuditedResource(String collection, String entityType, Permission readPermission) {
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z-]*");

    public AuditedResource {
        if (!SEGMENT.matcher(Objects.requireNonNull(collection, "collection")).matches()) {
            throw new IllegalArgumentException("not a path segment: " + collection);
        }
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(readPermission, "readPermission");
    }
}
