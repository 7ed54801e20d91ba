package dev.tenantcore.tasks.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.adapter.persistence.TestPeople;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
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
import java.util.Set;
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
    @Inject
    TestPeople people;
    @Inject
    MembershipRepository memberships;
    @Inject
    RoleRepository roles;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Task stored(String title, Instant dueDate, boolean completed) {
        return inTenant(() -> tasks.insert(Task.create(organization, title, null, dueDate, completed, null, NOW)));
    }

    @Test
    void storesAndFindsATaskWithAllItsFields() {
        var task = Task.create(organization, "Ship it", "All of it", NOW.plus(1, ChronoUnit.DAYS), true, null, NOW);
        var inserted = inTenant(() -> tasks.insert(task));

        var found = inTenant(() -> tasks.findById(organization, task.id()));

        assertThat(found).contains(inserted);
        assertThat(inserted).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(task);
    }

    @Test
    void aNewTaskIsStampedWithTheTransactionsTimeAsItsAuditEventIs() {
        var inserted = inTenant(() -> tasks.insert(Task.create(organization, "Stamped", null, null, false, null, NOW)));

        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt()).isNotEqualTo(NOW);
        var asOfItsOwnTime = inTenant(() -> tasks.findAsOf(organization, inserted.id(), inserted.updatedAt()));
        assertThat(asOfItsOwnTime).contains(inserted);
        var justBefore = inTenant(() -> tasks.findAsOf(organization, inserted.id(),
                inserted.updatedAt().minusNanos(1000)));
        assertThat(justBefore).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(inTenant(() -> tasks.findById(organization, TaskId.generate()))).isEmpty();
    }

    @Test
    void updateWritesTheChangesAndBumpsTheVersion() {
        var task = stored("Draft", null, false);

        var updated = inTenant(() -> tasks.update(task.revised("Final", "Described", NOW, true, null))).orElseThrow();

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
        inTenant(() -> tasks.update(task.revised("First", null, null, false, null)));

        var second = inTenant(() -> tasks.update(task.revised("Second", null, null, false, null)));

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

        assertThat(ids(new TaskFilter(true, null, null))).containsExactly(done.id());
        assertThat(ids(new TaskFilter(false, null, null))).containsExactly(undated.id(), open.id());
        assertThat(ids(new TaskFilter(null, NOW.plus(1, ChronoUnit.DAYS), null))).containsExactly(open.id());
        assertThat(ids(new TaskFilter(true, NOW.plus(1, ChronoUnit.DAYS), null))).isEmpty();
    }

    private List<TaskId> ids(TaskFilter filter) {
        return inTenant(() -> tasks.list(organization, filter, PageRequest.first(100))).items().stream()
                .map(Task::id).toList();
    }

    private UserId aMemberOf(OrganizationId organizationId) {
        var person = people.create(organizationId, "assignee", null);
        transactions.write(organizationId, () -> {
            var viewer = roles.findBuiltin(organizationId, BuiltinRole.VIEWER).orElseThrow();
            memberships.insert(Membership.create(organizationId, person, Set.of(viewer.id()), NOW));
            return null;
        });
        return person;
    }

    @Test
    void storesAndChangesTheAssigneeAndFiltersByIt() {
        var ada = aMemberOf(organization);
        var grace = aMemberOf(organization);
        var task = Task.create(organization, "Review", null, null, false, ada, NOW);
        inTenant(() -> {
            tasks.insert(task);
            return null;
        });
        var unassigned = stored("Nobody's", null, false);

        assertThat(inTenant(() -> tasks.findById(organization, task.id())).orElseThrow().assigneeId()).isEqualTo(ada);
        assertThat(ids(new TaskFilter(null, null, ada))).containsExactly(task.id());
        assertThat(ids(new TaskFilter(null, null, grace))).isEmpty();

        var reassigned = inTenant(() -> tasks.update(task.revised("Review", null, null, false, grace))).orElseThrow();
        assertThat(reassigned.assigneeId()).isEqualTo(grace);
        assertThat(ids(new TaskFilter(null, null, grace))).containsExactly(task.id());
        assertThat(ids(new TaskFilter(false, null, null))).containsExactly(unassigned.id(), task.id());
    }

    @Test
    void anAssigneeWhoIsNotAMemberIsAnInvalidAssigneeAndNothingIsWritten() {
        var stranger = people.create(organization, "stranger", null);
        var other = organizations.create();
        var theirs = aMemberOf(other);

        for (var assignee : List.of(stranger, theirs, UserId.generate())) {
            var task = Task.create(organization, "Review", null, null, false, assignee, NOW);
            assertThatThrownBy(() -> inTenant(() -> {
                tasks.insert(task);
                return null;
            })).isInstanceOfSatisfying(InvariantViolationException.class, e -> {
                assertThat(e.field()).isEqualTo("assigneeId");
                assertThat(e.getMessage()).isEqualTo(Task.ASSIGNEE_NOT_A_MEMBER);
            });
        }
        var task = stored("Review", null, false);
        assertThatThrownBy(() -> inTenant(() -> tasks.update(task.revised("Review", null, null, false, theirs))))
                .isInstanceOf(InvariantViolationException.class);

        assertThat(ids(TaskFilter.ALL)).containsExactly(task.id());
        assertThat(inTenant(() -> tasks.findById(organization, task.id()))).contains(task);
    }

    @Test
    void removingTheMemberUnassignsTheirTasks() {
        var ada = aMemberOf(organization);
        var task = Task.create(organization, "Review", null, null, false, ada, NOW);
        inTenant(() -> {
            tasks.insert(task);
            return memberships.delete(organization, ada, 1);
        });

        var after = inTenant(() -> tasks.findById(organization, task.id())).orElseThrow();

        assertThat(after.assigneeId()).isNull();
        assertThat(after.title()).isEqualTo("Review");
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
