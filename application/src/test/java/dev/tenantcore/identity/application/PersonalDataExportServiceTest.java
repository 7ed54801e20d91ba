package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.audit.application.ActorAuditTrail;
import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataExportServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryPeople people = new InMemoryPeople(transactions, clock);
    private final OrganizationId acme = OrganizationId.generate();
    private final OrganizationId globex = OrganizationId.generate();
    private final UserId ada = UserId.generate();
    private final UserId grace = UserId.generate();
    private Caller caller = new Caller(Actor.user(ada.value()), "req", "192.0.2.1", null);

    /** Acme's log holds one event of Ada's, one of Grace's; the trail is asked for Ada's in Acme only. */
    private final List<Object> trailRequests = new ArrayList<>();
    private final ActorAuditTrail trail = (organizationId, actor, sink) -> {
        transactions.requireActive(organizationId);
        trailRequests.add(List.of(organizationId, actor));
        List.of(event(acme, Actor.user(ada.value())), event(acme, Actor.user(grace.value()))).stream()
                .filter(event -> event.organizationId().equals(organizationId) && event.actor().equals(actor))
                .forEach(sink);
    };

    private final PersonalDataExportService service = new PersonalDataExportService(people, people, people, trail,
            transactions, FixedCurrentTenant.of(acme).withOnly(), () -> caller, clock);

    PersonalDataExportServiceTest() {
        people.register(new User(ada, new EmailAddress("ada@example.com"), User.Status.ACTIVE, 1, NOW, NOW),
                "hash:secret password", NOW, UserProfile.initial(ada, "Ada", NOW));
        people.register(new User(grace, new EmailAddress("grace@example.com"), User.Status.ACTIVE, 1, NOW, NOW),
                "hash:other password", NOW, UserProfile.initial(grace, "Grace", NOW));
        people.addMember(acme, ada, OwnMembership.Status.ACTIVE, "owner", "member");
        people.addMember(globex, ada, OwnMembership.Status.SUSPENDED, "viewer");
        people.addMember(acme, grace, OwnMembership.Status.ACTIVE, "member");
        people.linkExternalLogin(ada, new LinkedExternalLogin(UUID.randomUUID(), "github", "12345",
                "ada@users.example", NOW));
        people.issueRefreshToken(ada, acme);
        people.issueRefreshToken(ada, globex);
        people.issueRefreshToken(grace, acme);
        clock.advance(Duration.ofHours(1));
    }

    private static AuditEvent event(OrganizationId organizationId, Actor actor) {
        return new AuditEvent(organizationId, UUID.randomUUID(), NOW, actor, "update", "task", UUID.randomUUID(),
                "{\"title\":\"old\"}", "{\"title\":\"new\"}", "req", null, null);
    }

    @Test
    void holdsEverythingAboutTheCallerAndNothingAboutAnyoneElse() {
        var export = service.export();

        assertThat(export.exportedAt()).isEqualTo(clock.instant());
        assertThat(export.organizationId()).isEqualTo(acme);
        assertThat(export.account().id()).isEqualTo(ada);
        assertThat(export.passwordSet()).isTrue();
        assertThat(export.passwordChangedAtOrNull()).isEqualTo(NOW);
        assertThat(export.profile().displayName()).isEqualTo("Ada");
        assertThat(export.preferences().userId()).isEqualTo(ada);
        assertThat(export.externalLogins()).extracting(LinkedExternalLogin::subject).containsExactly("12345");
        assertThat(export.refreshSessions()).hasSize(2)
                .extracting(session -> session.organizationId()).containsExactlyInAnyOrder(acme, globex);
        assertThat(export.auditEvents()).singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo(Actor.user(ada.value())));
        assertThat(trailRequests).containsExactly(List.of(acme, Actor.user(ada.value())));
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(acme, true, Outcome.COMMITTED));
    }

    @Test
    void listsMembershipsEverywhereWithRolesOnlyWhereTheTokenIs() {
        var memberships = service.export().memberships();

        assertThat(memberships).extracting(OwnMembership::organizationId).containsExactly(acme, globex);
        assertThat(memberships.get(0).roleNamesOrNull()).isEqualTo(Set.of("owner", "member"));
        assertThat(memberships.get(1).status()).isEqualTo(OwnMembership.Status.SUSPENDED);
        assertThat(memberships.get(1).roleNamesOrNull()).isNull();
    }

    @Test
    void neverHoldsAHash() {
        assertThat(service.export().toString()).doesNotContain("secret password").doesNotContain("hash:");
    }

    @Test
    void anAccountWithoutAPasswordSaysSo() {
        var linda = UserId.generate();
        people.register(new User(linda, new EmailAddress("linda@example.com"), User.Status.ACTIVE, 1, NOW, NOW),
                null, null, UserProfile.initial(linda, "Linda", NOW));
        caller = new Caller(Actor.user(linda.value()), null, null, null);

        var export = service.export();

        assertThat(export.passwordSet()).isFalse();
        assertThat(export.passwordChangedAtOrNull()).isNull();
        assertThat(export.memberships()).isEmpty();
    }

    @Test
    void apiKeysHaveNoPersonalDataAndErasedAccountsNoLonger() {
        caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);
        assertThatThrownBy(service::export).isInstanceOf(AccessDeniedException.class);

        caller = new Caller(Actor.user(UUID.randomUUID()), null, null, null);
        assertThatThrownBy(service::export).isInstanceOf(ResourceNotFoundException.class);
    }
}
