package dev.tenantcore.tasks.application;

import dev.tenantcore.tasks.domain.Task;

public interface UpdateTaskUseCase {
    Task update(UpdateTaskCommand command);
}
