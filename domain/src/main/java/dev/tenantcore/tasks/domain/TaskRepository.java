package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** An organization's tasks; every call runs inside a transaction for {@code organizationId}. */
public interface TaskRepository {

    /**
     * Throws {@link dev.tenantcore.shared.domain.InvariantViolationException} (field {@code assigneeId},
     * {@link Task#ASSIGNEE_NOT_A_MEMBER}) when the assignee is not a member of the task's organization.
     *
     * @return the task as stored: its {@code createdAt} and {@code updatedAt} are the transaction's time, the time
     *         the audit log records for its creation, so that an as-of read at {@code updatedAt} finds it
     */
    Task insert(Task task);

    Optional<Task> findById(OrganizationId organizationId, TaskId id);

    /**
     * The task as it was at {@code instant}, rebuilt from the audit log; empty if it did not exist then. Throws
     * {@link dev.tenantcore.shared.domain.InvariantViolationException} (field {@code asOf}) when the log does not
     * reach back that far.
     */
    Optional<Task> findAsOf(OrganizationId organizationId, TaskId id, Instant instant);

    /** Newest first, keyset-paginated on the time-ordered id. */
    Page<Task> list(OrganizationId organizationId, TaskFilter filter, PageRequest<TaskId> page);

    /**
     * Writes the task's changes if its stored version is still {@code task.version()}; returns it as stored (new
     * version and update time), or empty if it was changed or deleted meanwhile. Refuses an assignee who is not a
     * member as {@link #insert} does.
     */
    Optional<Task> update(Task task);

    /** Deletes the task if its stored version is {@code version}; false if it changed or is gone. */
    boolean delete(OrganizationId organizationId, TaskId id, long version);
}
