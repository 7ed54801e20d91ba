package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.Timestamps;
import java.time.Instant;
import java.util.Optional;

/** Which tasks to list; a {@code null} criterion does not filter. */
public record TaskFilter(Boolean completedOrNull, Instant dueBeforeOrNull) {
    public static final TaskFilter ALL = new TaskFilter(null, null);

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
}
