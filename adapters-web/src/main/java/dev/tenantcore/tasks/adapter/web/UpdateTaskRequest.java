package dev.tenantcore.tasks.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and "null" (clear) stay apart; the domain then checks the new values.
 */
@Serdeable
@Schema(name = "UpdateTaskRequest",
        description = "Only the properties present are changed; null clears description, dueDate or assigneeId")
public final class UpdateTaskRequest {
    private FieldChange<String> title = FieldChange.unchanged();
    private FieldChange<String> description = FieldChange.unchanged();
    private FieldChange<Instant> dueDate = FieldChange.unchanged();
    private FieldChange<Boolean> completed = FieldChange.unchanged();
    private FieldChange<UUID> assigneeId = FieldChange.unchanged();

    @Schema(maxLength = 200, minLength = 1)
    public void setTitle(@Nullable String title) {
        this.title = FieldChange.to(title);
    }

    @Schema(maxLength = 10_000, nullable = true)
    public void setDescription(@Nullable String description) {
        this.description = FieldChange.to(description);
    }

    @Schema(nullable = true)
    public void setDueDate(@Nullable Instant dueDate) {
        this.dueDate = FieldChange.to(dueDate);
    }

    public void setCompleted(@Nullable Boolean completed) {
        this.completed = FieldChange.to(completed);
    }

    @Schema(nullable = true, description = "User id of a member of the organization; null unassigns")
    public void setAssigneeId(@Nullable UUID assigneeId) {
        this.assigneeId = FieldChange.to(assigneeId);
    }

    FieldChange<String> title() {
        return title;
    }

    FieldChange<String> description() {
        return description;
    }

    FieldChange<Instant> dueDate() {
        return dueDate;
    }

    FieldChange<Boolean> completed() {
        return completed;
    }

    FieldChange<UUID> assigneeId() {
        return assigneeId;
    }
}
