package dev.tenantcore.tasks.adapter.persistence;

import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskId;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper(uses = PersistedIds.class)
interface TaskRowMapper {

    /** Loading is not creating: rows come back through {@link Task#reconstitute}. */
    default Task toDomain(TaskRow row) {
        return Task.reconstitute(taskId(row.id()), new OrganizationId(row.organizationId()), row.title(),
                row.description(), row.dueDate(), row.completed(), userId(row.assigneeId()), row.version(),
                row.createdAt(), row.updatedAt());
    }

    default TaskId taskId(UUID value) {
        return new TaskId(value);
    }

    default UserId userId(UUID value) {
        return value == null ? null : new UserId(value);
    }
}
