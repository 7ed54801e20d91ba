package dev.tenantcore.audit.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ActorAuditTrailServiceTest {
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final OrganizationId acme = OrganizationId.generate();
    private final UUID id = UUID.randomUUID();
    private final List<AuditEventFilter> filters = new ArrayList<>();

    /** A log whose events all carry the actor id asked for, one of them as an API key's. */
    private final AuditEventRepository events = new AuditEventRepository() {
        @Override
        public Page<AuditEvent> list(OrganizationId organizationId, AuditEventFilter filter,
                PageRequest<AuditEventPosition> page) {
            throw new AssertionError("the trail streams");
        }

        @Override
        public void forEach(OrganizationId organizationId, AuditEventFilter filter, Consumer<AuditEvent> sink) {
            transactions.requireActive(organizationId);
            filters.add(filter);
            sink.accept(event(organizationId, Actor.user(id)));
            sink.accept(event(organizationId, Actor.apiKey(id)));
            sink.accept(event(organizationId, Actor.user(id)));
        }
    };

    private static AuditEvent event(OrganizationId organizationId, Actor actor) {
        return new AuditEvent(organizationId, UUID.randomUUID(), Instant.EPOCH, actor, "create", "task",
                UUID.randomUUID(), null, "{}", null, null, null);
    }

    @Test
    void handsOverTheActorsEventsInTheOrganizationOnly() {
        var seen = new ArrayList<AuditEvent>();

        new ActorAuditTrailService(events, transactions).forEachByActor(acme, Actor.user(id), seen::add);

        assertThat(seen).hasSize(2).allSatisfy(event -> assertThat(event.actor()).isEqualTo(Actor.user(id)));
        assertThat(filters).singleElement().satisfies(filter -> {
            assertThat(filter.actorId()).contains(id);
            assertThat(filter.entityType()).isEmpty();
        });
        assertThat(transactions.onlyTransaction().organizationId()).isEqualTo(acme);
        assertThat(transactions.onlyTransaction().readOnly()).isTrue();
    }
}
