package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.tasks.domain.TaskId;

public interface DeleteTaskUseCase {
    void delete(TaskId id, ExpectedVersion expectedVersion);
}
