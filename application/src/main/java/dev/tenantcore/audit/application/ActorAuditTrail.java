package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.function.Consumer;

/**
 * What other contexts need from the audit log: the events one actor caused in one organization (a person's data
 * export lists their own). Joins the caller's tenant transaction for {@code organizationId}; it checks no
 * permission: the use case calling it decides who may.
 */
public interface ActorAuditTrail {

    /** Hands the actor's events in the organization to {@code sink}, oldest first, without holding them all. */
    void forEachByActor(OrganizationId organizationId, Actor actor, Consumer<AuditEvent> sink);
}
