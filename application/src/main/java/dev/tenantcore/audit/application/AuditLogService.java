package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Reading the audit log: the whole log needs {@code audit:read}; one entity's history, that entity's read. */
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
        currentTenant.require(AuditPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> events.list(organizationId, filter, page));
    }

    @Override
    public Page<AuditEvent> history(String entityType, UUID entityId, Permission readPermission,
            PageRequest<AuditEventPosition> page) {
        currentTenant.require(readPermission);
        var organizationId = currentTenant.organizationId();
        var filter = AuditEventFilter.entity(entityType, entityId);
        return transactions.read(organizationId, () -> {
            var found = events.list(organizationId, filter, page);
            // An entity the organization has no record of is unknown, on any page: a cursor taken from another
            // entity's history must not turn that 404 into an empty 200.
            if (found.items().isEmpty() && (page.afterOrNull() == null
                    || events.list(organizationId, filter, PageRequest.first(1)).items().isEmpty())) {
                throw new ResourceNotFoundException(entityType);
            }
            return found;
        });
    }

    @Override
    public Export export(AuditEventFilter filter) {
        currentTenant.require(AuditPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return sink -> transactions.read(organizationId, () -> {
            events.forEach(organizationId, filter, sink);
            return null;
        });
    }
}
