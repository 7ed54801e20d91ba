package dev.tenantcore.tasks.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. The
 * filtered list is in {@link JdbcTaskRepository}: its SQL depends on which filters are given. {@code UPDATE ...
 * RETURNING} methods return a list: Micronaut Data maps an Optional result of such a query to the first column.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskRowRepository extends GenericRepository<TaskRow, UUID> {

    /**
     * The timestamps are left to the columns' default, the transaction's time: the audit trigger records the
     * creation at that time too, so an as-of read at the task's own {@code updatedAt} finds it.
     */
    @Query("""
            INSERT INTO tasks (organization_id, id, title, description, due_date, completed, assignee_id, version)
            VALUES (:organizationId, :id, :title, :description, :dueDate, :completed, :assigneeId, :version)
            RETURNING *""")
    List<TaskRow> insert(UUID organizationId, UUID id, String title, @Nullable String description,
            @Nullable Instant dueDate, boolean completed, @Nullable UUID assigneeId, long version);

    @Query("SELECT * FROM tasks WHERE organization_id = :organizationId AND id = :id")
    Optional<TaskRow> find(UUID organizationId, UUID id);

    /**
     * The task at {@code asOf}: its current row with every later audit event undone (V3's audit_state_as_of), as a
     * row of the tasks table again. This query is the persistence side of as-of reads; the audit trigger, the
     * inserts with the timestamps' default and an AuditedResource bean complete them (README: "The audit log").
     */
    @Query("""
            SELECT t.* FROM jsonb_populate_record(CAST(NULL AS tasks), audit_state_as_of('task', :organizationId, :id,
                :asOf, (SELECT to_jsonb(c) FROM tasks c WHERE c.organization_id = :organizationId AND c.id = :id))) t
            WHERE t.id IS NOT NULL""")
    Optional<TaskRow> findAsOf(UUID organizationId, UUID id, Instant asOf);

    @Query("""
            UPDATE tasks
            SET title = :title, description = :description, due_date = :dueDate, completed = :completed,
                assignee_id = :assigneeId, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version
            RETURNING *""")
    List<TaskRow> updateIfVersion(UUID organizationId, UUID id, long version, String title,
            @Nullable String description, @Nullable Instant dueDate, boolean completed, @Nullable UUID assigneeId);

    @Query("DELETE FROM tasks WHERE organization_id = :organizationId AND id = :id AND version = :version")
    long deleteIfVersion(UUID organizationId, UUID id, long version);
}
