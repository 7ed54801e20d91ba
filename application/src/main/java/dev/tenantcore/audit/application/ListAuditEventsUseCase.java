package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import java.util.UUID;

public interface ListAuditEventsUseCase {

    /** The caller's organization's events, newest first. Needs {@code audit:read}. */
    Page<AuditEvent> list(AuditEventFilter filter, PageRequest<AuditEventPosition> page);

    /**
     * One entity's events, newest first. Needs the permission that reads the entity itself ({@code tasks:read}
     * for a task), not {@code audit:read}: whoever may read a task may read how it came to be. Throws
     * {@code ResourceNotFoundException} when the organization has no event of the entity, whatever the page.
     */
    Page<AuditEvent> history(String entityType, UUID entityId, Permission readPermission,
            PageRequest<AuditEventPosition> page);
}
