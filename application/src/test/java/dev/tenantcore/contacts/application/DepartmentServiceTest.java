package dev.tenantcore.contacts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DepartmentServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryDepartmentRepository departments = new InMemoryDepartmentRepository(transactions, clock);
    private final DepartmentService service = new DepartmentService(departments, transactions,
            FixedCurrentTenant.of(tenant).withOnly(ContactPermissions.READ, ContactPermissions.WRITE), clock);

    @Test
    void createsForTheCurrentTenantInOneWriteTransaction() {
        var created = service.create(new CreateDepartmentCommand("First"));

        assertThat(created.organizationId()).isEqualTo(tenant);
        assertThat(created.name()).isEqualTo("First");
        assertThat(departments.all()).containsExactly(created);
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
    }

    @Test
    void updatesOnlyThePresentFieldsAtTheExpectedVersion() {
        var created = service.create(new CreateDepartmentCommand("First"));

        var updated = service.update(new UpdateDepartmentCommand(created.id(), ExpectedVersion.exactly(1),
                FieldChange.to("Second")));

        assertThat(updated.name()).isEqualTo("Second");
        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> service.update(new UpdateDepartmentCommand(created.id(), ExpectedVersion.exactly(1),
                FieldChange.to("Third")))).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aNewOrganizationGetsTheDefaultCatalogueInTheTransactionItRunsIn() {
        var newOrganization = OrganizationId.generate();

        transactions.write(newOrganization, () -> {
            new DefaultDepartments(departments, clock).prepare(newOrganization);
            return null;
        });

        assertThat(departments.all()).extracting(department -> department.name())
                .containsExactlyElementsOf(Department.DEFAULT_CATALOGUE);
        assertThat(departments.all()).allMatch(department -> department.organizationId().equals(newOrganization));
    }

    @Test
    void deletesAndThenIsNotFound() {
        var created = service.create(new CreateDepartmentCommand("First"));

        service.delete(created.id(), ExpectedVersion.ANY);

        assertThatThrownBy(() -> service.get(created.id())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(service.list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void everyUseCaseNeedsItsPermissionBeforeItLooksAnythingUp() {
        var readOnly = new DepartmentService(departments, transactions,
                FixedCurrentTenant.of(tenant).withOnly(ContactPermissions.READ), clock);
        var nothing = new DepartmentService(departments, transactions, FixedCurrentTenant.of(tenant).withOnly(),
                clock);
        var created = service.create(new CreateDepartmentCommand("First"));
        transactions.forgetTransactions();

        assertThat(readOnly.get(created.id())).isEqualTo(created);
        assertThatThrownBy(() -> readOnly.create(new CreateDepartmentCommand("Second")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.get(created.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nothing.list(PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
        assertThat(transactions.transactions()).hasSize(1);
    }
}
