package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.Timestamps;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something an organization has to do. Immutable: a change returns a new value, and the canonical constructor
 * enforces every invariant; {@link #reconstitute} is how storage brings one back. Description, due date and assignee
 * are optional (null when absent). The assignee is a member of the task's organization: the database holds the
 * memberships, and its foreign key refuses anyone else.
 */
public record Task(
        TaskId id,
        OrganizationId organizationId,
        String title,
        String description,
        Instant dueDate,
        boolean completed,
        UserId assigneeId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;
    /** What a write says when its assignee is not a member of the task's organization. */
    public static final String ASSIGNEE_NOT_A_MEMBER = "assigneeId is not a member of this organization";

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        title = Text.required("title", title, TITLE_MAX_LENGTH);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        Timestamps.withinRange("dueDate", dueDate);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A task as storage holds it, checked like any other. */
    public static Task reconstitute(TaskId id, OrganizationId organizationId, String title, String description,
            Instant dueDate, boolean completed, UserId assigneeId, long version, Instant createdAt, Instant updatedAt) {
        return new Task(id, organizationId, title, description, dueDate, completed, assigneeId, version, createdAt,
                updatedAt);
    }

    public static Task create(OrganizationId organizationId, String title, String description, Instant dueDate,
            boolean completed, UserId assigneeId, Instant now) {
        return new Task(TaskId.generate(), organizationId, title, description, dueDate, completed, assigneeId, 1, now,
                now);
    }

    /** The task with its editable fields replaced; {@code null} description, due date or assignee removes it. */
    public Task revised(String newTitle, String newDescription, Instant newDueDate, boolean isCompleted,
            UserId newAssigneeId) {
        return new Task(id, organizationId, newTitle, newDescription, newDueDate, isCompleted, newAssigneeId, version,
                createdAt, updatedAt);
    }
}
