package dev.tenantcore.tasks.application;

import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskId;

public interface GetTaskUseCase {

    /** One of the caller's tasks; {@link dev.tenantcore.shared.domain.ResourceNotFoundException} otherwise. */
    Task get(TaskId id);
}
