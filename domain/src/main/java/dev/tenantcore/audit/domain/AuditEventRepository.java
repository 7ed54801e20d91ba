package dev.tenantcore.audit.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.function.Consumer;

/** Reads the audit log. Nothing writes it but the database's triggers. */
public interface AuditEventRepository {

    /** Newest first. */
    Page<AuditEvent> list(OrganizationId organizationId, AuditEventFilter filter, PageRequest<AuditEventPosition> page);

    /**
     * Hands every event matching {@code filter} to {@code sink}, oldest first, from one consistent snapshot and
     * without holding them all in memory. An exception from the sink stops the reading.
     */
    void forEach(OrganizationId organizationId, AuditEventFilter filter, Consumer<AuditEvent> sink);
}
