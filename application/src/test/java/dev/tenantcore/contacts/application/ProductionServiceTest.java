package dev.tenantcore.contacts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProductionServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryProductionRepository productions = new InMemoryProductionRepository(transactions, clock);
    private final ProductionService service = new ProductionService(productions, transactions,
            FixedCurrentTenant.of(tenant).withOnly(ContactPermissions.READ, ContactPermissions.WRITE), clock);

    @Test
    void createsForTheCurrentTenantInOneWriteTransaction() {
        var created = service.create(new CreateProductionCommand("First", "FIRST-CODE", null, null, null, null));

        assertThat(created.organizationId()).isEqualTo(tenant);
        assertThat(created.name()).isEqualTo("First");
        assertThat(productions.all()).containsExactly(created);
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
    }

    @Test
    void updatesOnlyThePresentFieldsAtTheExpectedVersion() {
        var created = service.create(new CreateProductionCommand("First", "FIRST-CODE", null, null, null, null));

        var updated = service.update(new UpdateProductionCommand(created.id(), ExpectedVersion.exactly(1),
                FieldChange.to("Second"), FieldChange.unchanged(), FieldChange.to(ProductionStatus.SHOOTING),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged()));

        assertThat(updated.name()).isEqualTo("Second");
        assertThat(updated.code()).isEqualTo("FIRST-CODE");
        assertThat(updated.status()).isEqualTo(ProductionStatus.SHOOTING);
        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> service.update(new UpdateProductionCommand(created.id(), ExpectedVersion.exactly(1),
                FieldChange.to("Third"), FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged()))).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aCodeIsUniqueInTheOrganizationIgnoringCase() {
        service.create(new CreateProductionCommand("First", "tln", null, null, null, null));

        assertThatThrownBy(() -> service.create(new CreateProductionCommand("Second", "TLN", null, null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(productions.all()).hasSize(1);
    }

    @Test
    void deletesAndThenIsNotFound() {
        var created = service.create(new CreateProductionCommand("First", "FIRST-CODE", null, null, null, null));

        service.delete(created.id(), ExpectedVersion.ANY);

        assertThatThrownBy(() -> service.get(created.id())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(service.list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void everyUseCaseNeedsItsPermissionBeforeItLooksAnythingUp() {
        var readOnly = new ProductionService(productions, transactions,
                FixedCurrentTenant.of(tenant).withOnly(ContactPermissions.READ), clock);
        var nothing = new ProductionService(productions, transactions, FixedCurrentTenant.of(tenant).withOnly(),
                clock);
        var created = service.create(new CreateProductionCommand("First", "FIRST-CODE", null, null, null, null));
        transactions.forgetTransactions();

        assertThat(readOnly.get(created.id())).isEqualTo(created);
        assertThatThrownBy(() -> readOnly.create(new CreateProductionCommand("Second", "SECOND-CODE", null, null, null,
                null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.get(created.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.list(PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
        assertThat(transactions.transactions()).hasSize(1);
    }
}
