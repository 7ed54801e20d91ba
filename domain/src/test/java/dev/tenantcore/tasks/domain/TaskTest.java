package dev.tenantcore.tasks.domain;

import static dev.tenantcore.tasks.domain.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");
    private static final Instant DUE = Instant.parse("2026-03-31T17:00:00Z");
    private static final UserId ASSIGNEE = UserId.generate();

    @Test
    void createStartsAtVersionOneWithBothTimestampsNow() {
        OrganizationId organizationId = OrganizationId.generate();

        Task task = Task.create(organizationId, "Write the quarterly report", "Numbers for Q1", DUE, false, ASSIGNEE,
                NOW);

        assertThat(task.id()).isNotNull();
        assertThat(task.organizationId()).isEqualTo(organizationId);
        assertThat(task.title()).isEqualTo("Write the quarterly report");
        assertThat(task.description()).isEqualTo("Numbers for Q1");
        assertThat(task.dueDate()).isEqualTo(DUE);
        assertThat(task.completed()).isFalse();
        assertThat(task.assigneeId()).isEqualTo(ASSIGNEE);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void createGivesEachTaskItsOwnTimeOrderedId() {
        OrganizationId organizationId = OrganizationId.generate();

        Task first = Task.create(organizationId, "First", null, null, false, null, NOW);
        Task second = Task.create(organizationId, "Second", null, null, false, null, NOW);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.id().value().version()).isEqualTo(7);
    }

    @Test
    void createKeepsTheCompletedFlag() {
        Task task = Task.create(OrganizationId.generate(), "Done already", null, null, true, null, NOW);

        assertThat(task.completed()).isTrue();
    }

    @Test
    void createAllowsNoDescriptionAndNoDueDate() {
        Task task = Task.create(OrganizationId.generate(), "Write the quarterly report", null, null, false, null, NOW);

        assertThat(task.description()).isNull();
        assertThat(task.dueDate()).isNull();
    }

    @Test
    void titleIsStripped() {
        assertThat(aTask().withTitle("  Write the quarterly report \n").build().title())
                .isEqualTo("Write the quarterly report");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsAMissingTitleNamingTheField(String title) {
        assertThatThrownBy(() -> aTask().withTitle(title).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void acceptsAOneCharacterTitle() {
        assertThat(aTask().withTitle("x").build().title()).isEqualTo("x");
    }

    @Test
    void acceptsATitleOf200CharactersAfterStripping() {
        String title = "t".repeat(Task.TITLE_MAX_LENGTH);

        assertThat(aTask().withTitle("  " + title + "  ").build().title()).isEqualTo(title);
    }

    @Test
    void rejectsATitleOver200CharactersNamingTheField() {
        String title = "t".repeat(Task.TITLE_MAX_LENGTH + 1);

        assertThatThrownBy(() -> aTask().withTitle(title).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void acceptsADescriptionOf10000Characters() {
        String description = "d".repeat(Task.DESCRIPTION_MAX_LENGTH);

        assertThat(aTask().withDescription(description).build().description()).isEqualTo(description);
    }

    @Test
    void rejectsADescriptionOver10000CharactersNamingTheField() {
        String description = "d".repeat(Task.DESCRIPTION_MAX_LENGTH + 1);

        assertThatThrownBy(() -> aTask().withDescription(description).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void revisedReplacesTheEditableFieldsAndKeepsIdentityVersionAndCreation() {
        Task original = aTask().withTitle("Old title").withDescription("Old description").withDueDate(DUE)
                .completed(false).withVersion(5).build();
        Instant newDue = DUE.plusSeconds(86_400);

        Task revised = original.revised(" New title ", "New description", newDue, true, ASSIGNEE);

        assertThat(revised.title()).isEqualTo("New title");
        assertThat(revised.description()).isEqualTo("New description");
        assertThat(revised.dueDate()).isEqualTo(newDue);
        assertThat(revised.completed()).isTrue();
        assertThat(revised.assigneeId()).isEqualTo(ASSIGNEE);
        assertThat(revised.id()).isEqualTo(original.id());
        assertThat(revised.organizationId()).isEqualTo(original.organizationId());
        assertThat(revised.version()).isEqualTo(5);
        assertThat(revised.createdAt()).isEqualTo(original.createdAt());
    }

    @Test
    void revisedLeavesTheOriginalUnchanged() {
        Task original = aTask().withTitle("Old title").build();

        original.revised("New title", null, null, true, null);

        assertThat(original.title()).isEqualTo("Old title");
        assertThat(original.completed()).isFalse();
    }

    @Test
    void revisedWithNullDescriptionDueDateAndAssigneeRemovesThem() {
        Task original = aTask().withDescription("Old description").withDueDate(DUE).withAssigneeId(ASSIGNEE).build();

        Task revised = original.revised(original.title(), null, null, original.completed(), null);

        assertThat(revised.description()).isNull();
        assertThat(revised.dueDate()).isNull();
        assertThat(revised.assigneeId()).isNull();
    }

    @Test
    void revisedValidatesTheNewTitle() {
        Task task = aTask().build();

        assertThatThrownBy(() -> task.revised("  ", null, null, false, null))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void revisedValidatesTheNewDescription() {
        Task task = aTask().build();
        String description = "d".repeat(Task.DESCRIPTION_MAX_LENGTH + 1);

        assertThatThrownBy(() -> task.revised(task.title(), description, null, false, null))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void testDataDefaultsToAValidOpenTaskAtVersionOne() {
        Task task = aTask().build();

        assertThat(task.title()).isEqualTo(TaskTestData.DEFAULT_TITLE);
        assertThat(task.description()).isNull();
        assertThat(task.dueDate()).isNull();
        assertThat(task.completed()).isFalse();
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(task.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
