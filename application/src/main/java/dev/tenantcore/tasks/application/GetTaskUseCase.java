package dev.tenantcore.tasks.application;

import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskId;
import java.time.Instant;

public interface GetTaskUseCase {

    /** One of the caller's tasks; {@link dev.tenantcore.shared.domain.ResourceNotFoundException} otherwise. */
    Task get(TaskId id);

    /**
     * One of the caller's tasks as it was at {@code asOf}, rebuilt from the audit log; not found if it did not exist
     * then.
     */
    Task getAsOf(TaskId id, Instant asOf);
}
