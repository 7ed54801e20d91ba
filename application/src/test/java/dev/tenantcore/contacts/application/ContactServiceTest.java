package dev.tenantcore.contacts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContactServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryContactRepository contacts = new InMemoryContactRepository(transactions, clock);
    private final CurrentTenant readWrite = FixedCurrentTenant.of(tenant)
            .withOnly(ContactPermissions.READ, ContactPermissions.WRITE);
    private final ContactService service = serviceAt(clock, readWrite);

    private ContactService serviceAt(Clock at, CurrentTenant currentTenant) {
        return new ContactService(contacts, new FakePhoneNumbers(), new ContactSettings(RETENTION, Duration.ofDays(1)), transactions,
                currentTenant, at);
    }

    private static CreateContactCommand named(String name) {
        return new CreateContactCommand(name, null, null, null, null, null, null, null, null);
    }

    private static ContactChange change(Contact contact) {
        return new ContactChange(contact.id());
    }

    @Test
    void createsForTheCurrentTenantInOneWriteTransactionWithThePhoneNormalised() {
        var created = service.create(new CreateContactCommand("Grace Hopper", "grace@example.com", "(415) 555-0123",
                "Gaffer", null, null, null, null, null));

        assertThat(created.organizationId()).isEqualTo(tenant);
        assertThat(created.phone()).isEqualTo("+14155550123");
        assertThat(created.customFields()).isEqualTo(JsonFields.EMPTY);
        assertThat(contacts.all()).containsExactly(created);
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
    }

    @Test
    void anUnparseablePhoneIsRefusedBeforeAnyTransaction() {
        assertThatThrownBy(() -> service.create(new CreateContactCommand("Grace", null, "12", null, null, null, null,
                null, null))).isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("phone"));
        assertThat(transactions.transactions()).isEmpty();
    }

    @Test
    void updatesOnlyThePresentFieldsAtTheExpectedVersion() {
        var created = service.create(new CreateContactCommand("Grace", "grace@example.com", null, "Gaffer", null, null,
                null, null, null));

        var updated = service.update(change(created).expecting(1).name("Grace Hopper").phone("+44 20 7946 0958")
                .role(null).build());

        assertThat(updated.name()).isEqualTo("Grace Hopper");
        assertThat(updated.email()).isEqualTo("grace@example.com");
        assertThat(updated.phone()).isEqualTo("+442079460958");
        assertThat(updated.role()).isNull();
        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> service.update(change(created).expecting(1).name("Stale").build()))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aDeletedContactIsNotFoundButInTheTrashAndRestorable() {
        var created = service.create(named("Grace Hopper"));

        service.delete(created.id(), ExpectedVersion.ANY);

        assertThatThrownBy(() -> service.get(created.id())).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> service.update(change(created).name("Ghost").build()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> service.delete(created.id(), ExpectedVersion.ANY))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(service.list(ContactFilter.NONE, PageRequest.first(10)).items()).isEmpty();
        assertThat(service.search(new ContactSearch("Grace", ContactFilter.NONE), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(service.listDeleted(PageRequest.first(10)).items()).extracting(contact -> contact.id())
                .containsExactly(created.id());

        var restored = service.restore(created.id());

        assertThat(restored.isDeleted()).isFalse();
        assertThat(service.get(created.id())).isEqualTo(restored);
        assertThat(service.listDeleted(PageRequest.first(10)).items()).isEmpty();
        assertThat(service.restore(created.id())).as("a live contact stays as it is").isEqualTo(restored);
    }

    @Test
    void pastTheRetentionPeriodADeletedContactIsGoneForTheApi() {
        var created = service.create(named("Grace Hopper"));
        service.delete(created.id(), ExpectedVersion.ANY);
        var later = serviceAt(Clock.fixed(NOW.plus(RETENTION).plusSeconds(1), ZoneOffset.UTC), readWrite);

        assertThat(later.listDeleted(PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> later.restore(created.id())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void restoringIsRefusedWhenAnotherLiveContactHasTakenTheEmail() {
        var first = service.create(new CreateContactCommand("Grace", "grace@example.com", null, null, null, null,
                null, null, null));
        service.delete(first.id(), ExpectedVersion.ANY);
        service.create(new CreateContactCommand("Grace again", "grace@example.com", null, null, null, null, null,
                null, null));

        assertThatThrownBy(() -> service.restore(first.id())).isInstanceOf(ConflictException.class);
        assertThat(service.listDeleted(PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void everyUseCaseNeedsItsPermissionBeforeItLooksAnythingUp() {
        var readOnly = serviceAt(clock, FixedCurrentTenant.of(tenant).withOnly(ContactPermissions.READ));
        var nothing = serviceAt(clock, FixedCurrentTenant.of(tenant).withOnly());
        var created = service.create(named("First"));
        transactions.forgetTransactions();

        assertThat(readOnly.get(created.id())).isEqualTo(created);
        assertThatThrownBy(() -> readOnly.create(named("Second"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readOnly.delete(created.id(), ExpectedVersion.ANY))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readOnly.restore(created.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.get(created.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.list(ContactFilter.NONE, PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.listDeleted(PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.search(new ContactSearch("First", ContactFilter.NONE), PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(transactions.transactions()).hasSize(1);
    }
}
