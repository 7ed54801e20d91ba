package dev.tenantcore.audit.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "AuditEvent")
public record AuditEventResponse(
        UUID id,
        Instant occurredAt,
        ActorResponse actor,
        @Schema(description = "create, update, delete, or a named action such as revoke") String action,
        @Schema(description = "task, api_key, organization") String entityType,
        UUID entityId,
        @Schema(type = "object", nullable = true,
                description = "Before the change: the whole entity for a delete, the changed fields for an update")
        @Nullable JsonNode oldValues,
        @Schema(type = "object", nullable = true,
                description = "After the change: the whole entity for a create, the changed fields for an update")
        @Nullable JsonNode newValues,
        @Nullable String requestId,
        @Nullable String clientAddress,
        @Nullable String userAgent) {

    @Serdeable
    @Schema(name = "AuditActor")
    public record ActorResponse(
            @Schema(description = "user, api_key, system or anonymous") String type,
            @Nullable UUID id) {
    }
}
