package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;

public interface UpdateDepartmentUseCase {
    Department update(UpdateDepartmentCommand command);
}
