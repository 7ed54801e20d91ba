package dev.tenantcore.tasks.application;

import dev.tenantcore.tasks.domain.Task;

public interface CreateTaskUseCase {
    Task create(CreateTaskCommand command);
}
