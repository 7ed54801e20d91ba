package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;

public interface CreateDepartmentUseCase {
    Department create(CreateDepartmentCommand command);
}
