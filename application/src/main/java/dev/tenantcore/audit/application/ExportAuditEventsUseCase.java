package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import java.util.function.Consumer;

public interface ExportAuditEventsUseCase {

    /**
     * Checks, now, that the caller may read the log, and returns the export to run later (streaming starts after
     * the response's status is sent, so a refusal must come before).
     */
    Export export(AuditEventFilter filter);

    interface Export {
        /**
         * Streams the caller's organization's events matching the filter to {@code sink}, oldest first, from one
         * consistent snapshot. Blocks until done; an exception from the sink (say, the client went away) stops it.
         */
        void writeTo(Consumer<AuditEvent> sink);
    }
}
