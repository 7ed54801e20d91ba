package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;

public interface GetDepartmentUseCase {
    Department get(DepartmentId id);
}
