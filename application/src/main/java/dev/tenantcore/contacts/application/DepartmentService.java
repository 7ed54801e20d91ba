package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class DepartmentService implements CreateDepartmentUseCase, GetDepartmentUseCase, UpdateDepartmentUseCase,
        DeleteDepartmentUseCase, ListDepartmentsUseCase {

    private final DepartmentRepository departments;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    DepartmentService(DepartmentRepository departments, TenantTransactions transactions, CurrentTenant currentTenant,
            Clock clock) {
        this.departments = departments;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Department create(CreateDepartmentCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var department = Department.create(organizationId, command.name(), clock.instant());
        return transactions.write(organizationId, () -> departments.insert(department));
    }

    @Override
    public Department get(DepartmentId id) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Department update(UpdateDepartmentCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.renamed(command.name().orElse(current.name()));
            return departments.update(revised).orElseThrow(DepartmentService::concurrentChange);
        });
    }

    @Override
    public void delete(DepartmentId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var department = load(organizationId, id);
            expectedVersion.check(department.version());
            if (!departments.delete(organizationId, id, department.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Department> list(PageRequest<DepartmentId> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> departments.list(organizationId, page));
    }

    private Department load(OrganizationId organizationId, DepartmentId id) {
        return departments.findById(organizationId, id)
                .orElseThrow(() -> new ResourceNotFoundException("department"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the department was changed concurrently; retry");
    }
}
