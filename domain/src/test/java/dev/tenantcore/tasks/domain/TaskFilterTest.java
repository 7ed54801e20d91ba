package dev.tenantcore.tasks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskFilterTest {

    private static final Instant DUE_BEFORE = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void allFiltersOnNothing() {
        assertThat(TaskFilter.ALL.completed()).isEmpty();
        assertThat(TaskFilter.ALL.dueBefore()).isEmpty();
        assertThat(TaskFilter.ALL.assigneeId()).isEmpty();
    }

    @Test
    void exposesEveryCriterionWhenSet() {
        var assignee = UserId.generate();
        TaskFilter filter = new TaskFilter(true, DUE_BEFORE, assignee);

        assertThat(filter.completed()).contains(true);
        assertThat(filter.dueBefore()).contains(DUE_BEFORE);
        assertThat(filter.assigneeId()).contains(assignee);
    }

    @Test
    void openTasksOnlyIsAFilterNotAnAbsentOne() {
        TaskFilter filter = new TaskFilter(false, null, null);

        assertThat(filter.completed()).contains(false);
        assertThat(filter.dueBefore()).isEmpty();
    }
}
