package dev.tenantcore.audit.adapter.web;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.shared.domain.Actor;
import org.mapstruct.Mapper;

@Mapper(uses = AuditValues.class)
interface AuditEventWebMapper {

    AuditEventResponse toResponse(AuditEvent event);

    default AuditEventResponse.ActorResponse toResponse(Actor actor) {
        return new AuditEventResponse.ActorResponse(actor.type().code(), actor.id());
    }
}
