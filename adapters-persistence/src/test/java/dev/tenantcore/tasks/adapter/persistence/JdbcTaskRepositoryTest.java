package dev.tenantcore.tasks.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TaskRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcTaskRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    TaskRepository tasks;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Task stored(String title, Instant dueDate, boolean completed) {
        var task = Task.create(organization, title, null, dueDate, completed, NOW);
        inTenant(() -> {
            tasks.insert(task);
            return null;
        });
        return task;
    }

    @Test
    void storesAndFindsATaskWithAllItsFields() {
        var task = Task.create(organization, "Ship it", "All of it", NOW.plus(1, ChronoUnit.DAYS), true, NOW);
        inTenant(() -> {
            tasks.insert(task);
            return null;
        });

        var found = inTenant(() -> tasks.findById(organization, task.id()));

        assertThat(found).contains(task);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(inTenant(() -> tasks.findById(organization, TaskId.generate()))).isEmpty();
    }

    @Test
    void updateWritesTheChangesAndBumpsTheVersion() {
        var task = stored("Draft", null, false);

        var updated = inTenant(() -> tasks.update(task.revised("Final", "Described", NOW, true))).orElseThrow();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.title()).isEqualTo("Final");
        assertThat(updated.description()).isEqualTo("Described");
        assertThat(updated.dueDate()).isEqualTo(NOW);
        assertThat(updated.completed()).isTrue();
        assertThat(updated.updatedAt()).isAfterOrEqualTo(task.updatedAt());
        assertThat(inTenant(() -> tasks.findById(organization, task.id()))).contains(updated);
    }

    @Test
    void updateOfAStaleVersionChangesNothing() {
        var task = stored("Draft", null, false);
        inTenant(() -> tasks.update(task.revised("First", null, null, false)));

        var second = inTenant(() -> tasks.update(task.revised("Second", null, null, false)));

        assertThat(second).isEmpty();
        assertThat(inTenant(() -> tasks.findById(organization, task.id())).orElseThrow().title()).isEqualTo("First");
    }

    @Test
    void deleteRemovesOnlyTheCurrentVersion() {
        var task = stored("Temporary", null, false);

        assertThat(inTenant(() -> tasks.delete(organization, task.id(), 7))).isFalse();
        assertThat(inTenant(() -> tasks.delete(organization, task.id(), 1))).isTrue();
        assertThat(inTenant(() -> tasks.findById(organization, task.id()))).isEmpty();
    }

    @Test
    void listsNewestFirstInPagesThatTogetherHoldEveryTaskOnce() {
        var created = new ArrayList<TaskId>();
        for (int i = 0; i < 7; i++) {
            created.add(stored("Task " + i, null, false).id());
        }

        var seen = new ArrayList<TaskId>();
        PageRequest<TaskId> request = PageRequest.first(3);
        Page<Task> page;
        do {
            var current = request;
            page = inTenant(() -> tasks.list(organization, TaskFilter.ALL, current));
            page.items().forEach(task -> seen.add(task.id()));
            if (page.hasMore()) {
                request = new PageRequest<>(page.last().id(), 3);
            }
        } while (page.hasMore());

        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void filtersByCompletionAndDueDate() {
        var open = stored("Open", NOW.plus(1, ChronoUnit.HOURS), false);
        var done = stored("Done", NOW.plus(2, ChronoUnit.DAYS), true);
        var undated = stored("Someday", null, false);

        assertThat(ids(new TaskFilter(true, null))).containsExactly(done.id());
        assertThat(ids(new TaskFilter(false, null))).containsExactly(undated.id(), open.id());
        assertThat(ids(new TaskFilter(null, NOW.plus(1, ChronoUnit.DAYS)))).containsExactly(open.id());
        assertThat(ids(new TaskFilter(true, NOW.plus(1, ChronoUnit.DAYS)))).isEmpty();
    }

    private List<TaskId> ids(TaskFilter filter) {
        return inTenant(() -> tasks.list(organization, filter, PageRequest.first(100))).items().stream()
                .map(Task::id).toList();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> tasks.findById(organization, TaskId.generate()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a tenant transaction");
    }

    @Test
    void refusesToRunInsideAnotherTenantsTransaction() {
        var other = organizations.create();

        assertThatThrownBy(() -> transactions.read(other, () -> tasks.findById(organization, TaskId.generate())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not for " + organization);
    }
}
