package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.organizations.application.OrganizationSetup;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Every new organization starts with the default catalogue of departments, written in its sign-up transaction. */
@Singleton
final class DefaultDepartments implements OrganizationSetup {
    private final DepartmentRepository departments;
    private final Clock clock;

    DefaultDepartments(DepartmentRepository departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    @Override
    public void prepare(OrganizationId organizationId) {
        var now = clock.instant();
        departments.insertAll(Department.DEFAULT_CATALOGUE.stream()
                .map(name -> Department.create(organizationId, name, now)).toList());
    }
}
