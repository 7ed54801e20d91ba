package dev.tenantcore.audit.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Consumer;

@Singleton
final class ActorAuditTrailService implements ActorAuditTrail {
    private final AuditEventRepository events;
    private final TenantTransactions transactions;

    ActorAuditTrailService(AuditEventRepository events, TenantTransactions transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void forEachByActor(OrganizationId organizationId, Actor actor, Consumer<AuditEvent> sink) {
        Objects.requireNonNull(actor.id(), "only an actor with an id has a trail");
        var filter = new AuditEventFilter(null, null, actor.id(), null, null, null);
        transactions.read(organizationId, () -> {
            // Ids are random across kinds of actor; the type check keeps the answer exact all the same.
            events.forEach(organizationId, filter, event -> {
                if (event.actor().equals(actor)) {
                    sink.accept(event);
                }
            });
            return null;
        });
    }
}
