package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.Timestamps;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.Task;
import java.time.Instant;

/**
 * A new task for the caller's organization; null description, due date or assignee means none. The assignee must
 * be a member of the organization.
 */
public record CreateTaskCommand(String title, String descriptionOrNull, Instant dueDateOrNull, boolean completed,
        UserId assigneeIdOrNull) {
    public CreateTaskCommand {
        title = Text.required("title", title, Task.TITLE_MAX_LENGTH);
        descriptionOrNull = Text.optional("description", descriptionOrNull, Task.DESCRIPTION_MAX_LENGTH);
        Timestamps.withinRange("dueDate", dueDateOrNull);
    }
}
