package dev.tenantcore.tasks.adapter.persistence;

import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskId;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper(uses = PersistedIds.class)
interface TaskRowMapper {

    Task toDomain(TaskRow row);

    default TaskId taskId(UUID value) {
        return new TaskId(value);
    }

    default UserId userId(UUID value) {
        return value == null ? null : new UserId(value);
    }
}
