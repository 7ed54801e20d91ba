package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListAuditEventsUseCase {

    /** The caller's organization's events, newest first. */
    Page<AuditEvent> list(AuditEventFilter filter, PageRequest<AuditEventPosition> page);
}
