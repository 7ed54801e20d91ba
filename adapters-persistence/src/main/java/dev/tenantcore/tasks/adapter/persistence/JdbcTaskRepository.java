package dev.tenantcore.tasks.adapter.persistence;

import dev.tenantcore.shared.adapter.persistence.AsOfReads;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcTaskRepository implements TaskRepository {
    private final TaskRowRepository rows;
    private final TaskRowMapper mapper;
    private final JdbcOperations jdbc;

    JdbcTaskRepository(TaskRowRepository rows, TaskRowMapper mapper, JdbcOperations jdbc) {
        this.rows = rows;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Task insert(Task task) {
        TenantSession.require(task.organizationId());
        try {
            return mapper.toDomain(rows.insert(task.organizationId().value(), task.id().value(), task.title(),
                    task.description(), task.dueDate(), task.completed(),
                    task.assigneeId() == null ? null : task.assigneeId().value(), task.version()).getFirst());
        } catch (DataAccessException e) {
            throw assigneeNotAMemberOr(e);
        }
    }

    @Override
    public Optional<Task> findById(OrganizationId organizationId, TaskId id) {
        TenantSession.require(organizationId);
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Optional<Task> findAsOf(OrganizationId organizationId, TaskId id, Instant instant) {
        TenantSession.require(organizationId);
        return AsOfReads.read(() -> rows.findAsOf(organizationId.value(), id.value(), instant)).map(mapper::toDomain);
    }

    /**
     * One statement per combination of filters rather than {@code (? IS NULL OR ...)}: a prepared statement's
     * generic plan cannot pick the right index for "maybe filtered". Every variant is a newest-first scan of an
     * index that leads with organization_id, stopped after one row more than the page.
     */
    @Override
    public Page<Task> list(OrganizationId organizationId, TaskFilter filter, PageRequest<TaskId> page) {
        TenantSession.require(organizationId);
        var sql = new StringBuilder("SELECT * FROM tasks WHERE organization_id = ? AND id < ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(organizationId.value());
        parameters.add(page.after().map(TaskId::value).orElse(PersistedIds.NEWEST));
        filter.completed().ifPresent(completed -> {
            sql.append(" AND completed = ?");
            parameters.add(completed);
        });
        filter.dueBefore().ifPresent(dueBefore -> {
            sql.append(" AND due_date < ?");
            parameters.add(OffsetDateTime.ofInstant(dueBefore, ZoneOffset.UTC));
        });
        filter.assigneeId().ifPresent(assigneeId -> {
            sql.append(" AND assignee_id = ?"); // tasks_assignee_idx: (organization_id, assignee_id, id)
            parameters.add(assigneeId.value());
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(page.limit() + 1);

        List<TaskRow> found = jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (var result = statement.executeQuery()) {
                return jdbc.entityStream(result, TaskRow.class).toList();
            }
        });
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public Optional<Task> update(Task task) {
        TenantSession.require(task.organizationId());
        try {
            return rows.updateIfVersion(task.organizationId().value(), task.id().value(), task.version(),
                    task.title(), task.description(), task.dueDate(), task.completed(),
                    task.assigneeId() == null ? null : task.assigneeId().value())
                    .stream().findFirst().map(mapper::toDomain);
        } catch (DataAccessException e) {
            throw assigneeNotAMemberOr(e);
        }
    }

    /**
     * The composite foreign key to memberships (migration V4) is what checks the assignee: it also refuses a member
     * of another organization, which a check by user id alone would accept.
     */
    private static RuntimeException assigneeNotAMemberOr(DataAccessException failure) {
        if (ConstraintViolations.isForeignKeyViolation(failure, "tasks_assignee_fkey")) {
            return new InvariantViolationException("assigneeId", Task.ASSIGNEE_NOT_A_MEMBER);
        }
        return failure;
    }

    @Override
    public boolean delete(OrganizationId organizationId, TaskId id, long version) {
        TenantSession.require(organizationId);
        return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
    }
}
