package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteDepartmentUseCase {
    void delete(DepartmentId id, ExpectedVersion expectedVersion);
}
