package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;

/**
 * A new task for the caller's organization; null description, due date or assignee means none. The assignee must
 * be a member of the organization.
 */
public record CreateTaskCommand(String title, String descriptionOrNull, Instant dueDateOrNull, boolean completed,
        UserId assigneeIdOrNull) {
}
