package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;

public interface ListTasksUseCase {

    /** The caller's tasks matching {@code filter}, newest first. */
    Page<Task> list(TaskFilter filter, PageRequest<TaskId> page);
}
