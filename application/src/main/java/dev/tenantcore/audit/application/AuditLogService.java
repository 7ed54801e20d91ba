package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/**
 * Reading the audit log. Until roles exist (the identity issue), every credential of an organization may read its
 * organization's log; the permission check belongs here when they do.
 */
@Singleton
final class AuditLogService implements ListAuditEventsUseCase, ExportAuditEventsUseCase {
    private final AuditEventRepository events;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;

    AuditLogService(AuditEventRepository events, TenantTransactions transactions, CurrentTenant currentTenant) {
        this.events = events;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public Page<AuditEvent> list(AuditEventFilter filter, PageRequest<AuditEventPosition> page) {
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> events.list(organizationId, filter, page));
    }

    @Override
    public void export(AuditEventFilter filter, Consumer<AuditEvent> sink) {
        var organizationId = currentTenant.organizationId();
        transactions.read(organizationId, () -> {
            events.forEach(organizationId, filter, sink);
            return null;
        });
    }
}
