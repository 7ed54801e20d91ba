package dev.tenantcore.tasks.application;

import java.time.Instant;

/** A new task for the caller's organization; null description or due date means none. */
public record CreateTaskCommand(String title, String descriptionOrNull, Instant dueDateOrNull, boolean completed) {
}
