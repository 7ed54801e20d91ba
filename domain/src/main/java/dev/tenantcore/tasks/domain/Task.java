package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/** Something an organization has to do. */
public final class Task {
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;

    private final TaskId id;
    private final OrganizationId organizationId;
    private String title;
    private String description;
    private Instant dueDate;
    private boolean completed;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Task(TaskId id, OrganizationId organizationId, String title, String description, Instant dueDate,
            boolean completed, long version, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.title = Text.required("title", title, TITLE_MAX_LENGTH);
        this.description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        this.dueDate = dueDate;
        this.completed = completed;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Task create(OrganizationId organizationId, String title, String description, Instant dueDate,
            boolean completed, Instant now) {
        return new Task(TaskId.generate(), organizationId, title, description, dueDate, completed, 1, now, now);
    }

    public static Task reconstitute(TaskId id, OrganizationId organizationId, String title, String description,
            Instant dueDate, boolean completed, long version, Instant createdAt, Instant updatedAt) {
        return new Task(id, organizationId, title, description, dueDate, completed, version, createdAt, updatedAt);
    }

    public void retitle(String newTitle) {
        this.title = Text.required("title", newTitle, TITLE_MAX_LENGTH);
    }

    /** {@code null} removes the description. */
    public void describe(String newDescription) {
        this.description = Text.optional("description", newDescription, DESCRIPTION_MAX_LENGTH);
    }

    /** {@code null} removes the due date. */
    public void scheduleFor(Instant newDueDate) {
        this.dueDate = newDueDate;
    }

    public void markCompleted(boolean isCompleted) {
        this.completed = isCompleted;
    }

    public TaskId id() {
        return id;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Instant dueDate() {
        return dueDate;
    }

    public boolean completed() {
        return completed;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
