package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * Something an organization has to do. Immutable: a change returns a new value, and the canonical constructor
 * (also used to reconstitute from storage) enforces every invariant. Description and due date are optional
 * (null when absent).
 */
public record Task(
        TaskId id,
        OrganizationId organizationId,
        String title,
        String description,
        Instant dueDate,
        boolean completed,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        title = Text.required("title", title, TITLE_MAX_LENGTH);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        Timestamps.withinRange("dueDate", dueDate);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Task create(OrganizationId organizationId, String title, String description, Instant dueDate,
            boolean completed, Instant now) {
        return new Task(TaskId.generate(), organizationId, title, description, dueDate, completed, 1, now, now);
    }

    /** The task with its editable fields replaced; {@code null} description or due date removes it. */
    public Task revised(String newTitle, String newDescription, Instant newDueDate, boolean isCompleted) {
        return new Task(id, organizationId, newTitle, newDescription, newDueDate, isCompleted, version, createdAt,
                updatedAt);
    }
}
