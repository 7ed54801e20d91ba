package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import java.util.function.Consumer;

public interface ExportAuditEventsUseCase {

    /**
     * Streams the caller's organization's events matching {@code filter} to {@code sink}, oldest first, from one
     * consistent snapshot. Blocks until done; an exception from the sink (say, the client went away) stops it.
     */
    void export(AuditEventFilter filter, Consumer<AuditEvent> sink);
}
