package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.Timestamps;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/** Which tasks to list; a {@code null} criterion does not filter. */
public record TaskFilter(Boolean completedOrNull, Instant dueBeforeOrNull, UserId assigneeIdOrNull) {
    public static final TaskFilter ALL = new TaskFilter(null, null, null);

    public TaskFilter {
        Timestamps.withinRange("dueBefore", dueBeforeOrNull);
    }

    public Optional<Boolean> completed() {
        return Optional.ofNullable(completedOrNull);
    }

    /** Only tasks with a due date strictly before this instant. */
    public Optional<Instant> dueBefore() {
        return Optional.ofNullable(dueBeforeOrNull);
    }

    /** Only tasks assigned to this member. */
    public Optional<UserId> assigneeId() {
        return Optional.ofNullable(assigneeIdOrNull);
    }
}
