package dev.tenantcore.tasks.application;

import static dev.tenantcore.tasks.domain.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-31T17:00:00Z");
    private static final UserId MEMBER = UserId.generate();
    private static final UserId OTHER_MEMBER = UserId.generate();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(transactions, clock);
    private final TaskService service = new TaskService(tasks, transactions, FixedCurrentTenant.of(tenant), clock);

    private Task given(Task task) {
        tasks.given(task);
        return task;
    }

    private static UpdateTaskCommand noChangesTo(TaskId id, ExpectedVersion expectedVersion) {
        return new UpdateTaskCommand(id, expectedVersion, FieldChange.unchanged(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged());
    }

    private static UpdateTaskCommand titleChange(TaskId id, ExpectedVersion expectedVersion, String title) {
        return new UpdateTaskCommand(id, expectedVersion, FieldChange.to(title), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged());
    }

    @Nested
    class Create {

        @Test
        void storesTheTaskForTheCurrentTenantInOneWriteTransaction() {
            var created = service.create(new CreateTaskCommand("Write the report", "Numbers for Q1", DUE, false, null));

            assertThat(created.organizationId()).isEqualTo(tenant);
            assertThat(created.title()).isEqualTo("Write the report");
            assertThat(created.description()).isEqualTo("Numbers for Q1");
            assertThat(created.dueDate()).isEqualTo(DUE);
            assertThat(created.completed()).isFalse();
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.createdAt()).isEqualTo(NOW);
            assertThat(created.updatedAt()).isEqualTo(NOW);
            assertThat(tasks.all()).containsExactly(created);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void keepsTheCompletedFlagAndAllowsNoDescriptionOrDueDate() {
            var created = service.create(new CreateTaskCommand("Already done", null, null, true, null));

            assertThat(created.completed()).isTrue();
            assertThat(created.description()).isNull();
            assertThat(created.dueDate()).isNull();
        }

        @Test
        void assignsAMemberOfTheOrganization() {
            tasks.givenMembers(tenant, MEMBER);

            var created = service.create(new CreateTaskCommand("Review", null, null, false, MEMBER));

            assertThat(created.assigneeId()).isEqualTo(MEMBER);
            assertThat(tasks.all()).containsExactly(created);
        }

        @Test
        void anAssigneeFromAnotherOrganizationIsRefusedAndNothingIsStored() {
            tasks.givenMembers(otherTenant, MEMBER);

            assertThatThrownBy(() -> service.create(new CreateTaskCommand("Review", null, null, false, MEMBER)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("assigneeId"));

            assertThat(tasks.all()).isEmpty();
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void aBlankTitleIsRejectedBeforeAnythingIsWritten() {
            assertThatThrownBy(() -> service.create(new CreateTaskCommand("   ", null, null, false, null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));

            assertThat(tasks.writes()).isEmpty();
            assertThat(tasks.all()).isEmpty();
        }

        @Test
        void needsAnAuthenticatedTenant() {
            var anonymous = new TaskService(tasks, transactions, FixedCurrentTenant.unauthenticated(), clock);

            assertThatThrownBy(() -> anonymous.create(new CreateTaskCommand("Title", null, null, false, null)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(tasks.all()).isEmpty();
        }
    }

    @Nested
    class Get {

        @Test
        void returnsTheCurrentTenantsTaskInAReadOnlyTransaction() {
            var task = given(aTask().withOrganizationId(tenant).build());

            assertThat(service.get(task.id())).isEqualTo(task);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, true, Outcome.COMMITTED));
        }

        @Test
        void anUnknownIdIsNotFoundAndLooksOnlyInAReadOnlyTransaction() {
            assertThatThrownBy(() -> service.get(TaskId.generate()))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.resource()).isEqualTo("task"));

            assertThat(transactions.onlyTransaction().readOnly()).isTrue();
            assertThat(transactions.onlyTransaction().organizationId()).isEqualTo(tenant);
        }

        @Test
        void anotherTenantsTaskIsNotFound() {
            var foreign = given(aTask().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.get(foreign.id())).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    class GetAsOf {

        @Test
        void returnsTheTaskAsItWasAtTheInstantInAReadOnlyTransaction() {
            var task = given(aTask().withOrganizationId(tenant).withTitle("Before").build());
            tasks.given(new Task(task.id(), tenant, "After", null, null, false, null, 2, task.createdAt(),
                    task.createdAt().plusSeconds(60)));

            assertThat(service.getAsOf(task.id(), task.createdAt().plusSeconds(30)).title()).isEqualTo("Before");
            assertThat(service.getAsOf(task.id(), task.createdAt().plusSeconds(60)).title()).isEqualTo("After");
            assertThat(transactions.transactions()).allMatch(Transaction::readOnly);
        }

        @Test
        void beforeTheTaskExistedItIsNotFound() {
            var task = given(aTask().withOrganizationId(tenant).build());

            assertThatThrownBy(() -> service.getAsOf(task.id(), task.createdAt().minusNanos(1000)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void anotherTenantsTaskIsNotFoundAtAnyInstant() {
            var foreign = given(aTask().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.getAsOf(foreign.id(), foreign.createdAt().plusSeconds(1)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void anInstantOutsideYearsOneTo9999IsRefusedBeforeAnyTransaction() {
            assertThatThrownBy(() -> service.getAsOf(TaskId.generate(), Instant.parse("+10000-01-01T00:00:00Z")))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("asOf"));
            assertThat(transactions.transactions()).isEmpty();
        }
    }

    @Nested
    class Update {

        @Test
        void appliesOnlyTheChangedFieldsAndReturnsTheStoredResult() {
            var task = given(aTask().withOrganizationId(tenant).withTitle("Old title").withDescription("Keep me")
                    .withDueDate(DUE).completed(false).build());

            var updated = service.update(titleChange(task.id(), ExpectedVersion.exactly(1), "New title"));

            assertThat(updated.title()).isEqualTo("New title");
            assertThat(updated.description()).isEqualTo("Keep me");
            assertThat(updated.dueDate()).isEqualTo(DUE);
            assertThat(updated.completed()).isFalse();
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.updatedAt()).isEqualTo(NOW);
            assertThat(updated.createdAt()).isEqualTo(task.createdAt());
            assertThat(tasks.stored(task.id())).contains(updated);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void setsEveryGivenField() {
            var task = given(aTask().withOrganizationId(tenant).build());
            var newDue = Instant.parse("2026-04-15T09:00:00Z");
            tasks.givenMembers(tenant, MEMBER);

            var updated = service.update(new UpdateTaskCommand(task.id(), ExpectedVersion.ANY,
                    FieldChange.to("Renamed"), FieldChange.to("Now described"), FieldChange.to(newDue),
                    FieldChange.to(true), FieldChange.to(MEMBER)));

            assertThat(updated.title()).isEqualTo("Renamed");
            assertThat(updated.description()).isEqualTo("Now described");
            assertThat(updated.dueDate()).isEqualTo(newDue);
            assertThat(updated.completed()).isTrue();
            assertThat(updated.assigneeId()).isEqualTo(MEMBER);
        }

        @Test
        void anExplicitNullUnassignsAndAnAbsentAssigneeStays() {
            tasks.givenMembers(tenant, MEMBER);
            var task = given(aTask().withOrganizationId(tenant).withAssigneeId(MEMBER).build());

            var renamed = service.update(titleChange(task.id(), ExpectedVersion.ANY, "Renamed"));
            var unassigned = service.update(new UpdateTaskCommand(task.id(), ExpectedVersion.ANY,
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(),
                    FieldChange.unchanged(), FieldChange.to(null)));

            assertThat(renamed.assigneeId()).isEqualTo(MEMBER);
            assertThat(unassigned.assigneeId()).isNull();
        }

        @Test
        void anAssigneeWhoIsNotAMemberIsRefusedAndNothingIsWritten() {
            var task = given(aTask().withOrganizationId(tenant).build());
            tasks.givenMembers(otherTenant, MEMBER);

            assertThatThrownBy(() -> service.update(new UpdateTaskCommand(task.id(), ExpectedVersion.ANY,
                    FieldChange.to("Renamed"), FieldChange.unchanged(), FieldChange.unchanged(),
                    FieldChange.unchanged(), FieldChange.to(MEMBER))))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("assigneeId"));

            assertThat(tasks.stored(task.id())).contains(task);
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void anExplicitNullClearsTheDescriptionAndDueDate() {
            var task = given(aTask().withOrganizationId(tenant).withDescription("Details").withDueDate(DUE).build());

            var updated = service.update(new UpdateTaskCommand(task.id(), ExpectedVersion.ANY,
                    FieldChange.unchanged(), FieldChange.to(null), FieldChange.to(null), FieldChange.unchanged(),
                    FieldChange.unchanged()));

            assertThat(updated.description()).isNull();
            assertThat(updated.dueDate()).isNull();
            assertThat(updated.title()).isEqualTo(task.title());
        }

        @Test
        void aCommandThatChangesNothingReturnsTheCurrentTaskWithoutWriting() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(4).build());

            var result = service.update(noChangesTo(task.id(), ExpectedVersion.exactly(4)));

            assertThat(result).isEqualTo(task);
            assertThat(tasks.writes()).isEmpty();
            assertThat(tasks.stored(task.id())).contains(task);
        }

        @Test
        void aCommandThatChangesNothingStillChecksTheExpectedVersion() {
            // Otherwise a stale client would be told its (empty) change succeeded against a newer version.
            var task = given(aTask().withOrganizationId(tenant).withVersion(4).build());

            assertThatThrownBy(() -> service.update(noChangesTo(task.id(), ExpectedVersion.exactly(3))))
                    .isInstanceOf(StaleVersionException.class);
        }

        @Test
        void aStaleExpectedVersionIsRejectedAndNothingIsWritten() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(3).build());

            assertThatThrownBy(() -> service.update(titleChange(task.id(), ExpectedVersion.exactly(2), "New")))
                    .isInstanceOfSatisfying(StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(3));

            assertThat(tasks.writes()).isEmpty();
            assertThat(tasks.stored(task.id())).contains(task);
        }

        @Test
        void anyOfSeveralExpectedVersionsIsAccepted() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(3).build());

            var updated = service.update(titleChange(task.id(), ExpectedVersion.oneOf(2, 3), "New"));

            assertThat(updated.version()).isEqualTo(4);
        }

        @Test
        void aChangeByAnotherRequestBetweenReadAndWriteIsAConflict() {
            var task = given(aTask().withOrganizationId(tenant).withTitle("Original").build());
            tasks.beforeNextWrite(() -> tasks.given(aTask().withId(task.id()).withOrganizationId(tenant)
                    .withTitle("Theirs").withVersion(2).build()));

            assertThatThrownBy(() -> service.update(titleChange(task.id(), ExpectedVersion.ANY, "Mine")))
                    .isInstanceOf(ConflictException.class);

            assertThat(tasks.writes()).hasSize(1);
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
            assertThat(tasks.stored(task.id()).orElseThrow().title()).isNotEqualTo("Mine");
        }

        @Test
        void aBlankTitleIsRejectedAndNothingIsWritten() {
            var task = given(aTask().withOrganizationId(tenant).build());

            assertThatThrownBy(() -> service.update(titleChange(task.id(), ExpectedVersion.ANY, "  ")))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));

            assertThat(tasks.writes()).isEmpty();
            assertThat(tasks.stored(task.id())).contains(task);
        }

        @Test
        void theTitleCannotBeClearedWithNull() {
            var task = given(aTask().withOrganizationId(tenant).build());

            assertThatThrownBy(() -> service.update(titleChange(task.id(), ExpectedVersion.ANY, null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));
            assertThat(tasks.writes()).isEmpty();
        }

        @Test
        void anUnknownTaskIsNotFound() {
            assertThatThrownBy(() -> service.update(titleChange(TaskId.generate(), ExpectedVersion.ANY, "New")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(tasks.writes()).isEmpty();
        }

        @Test
        void anotherTenantsTaskIsNotFoundAndStaysAsItWas() {
            var foreign = given(aTask().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.update(titleChange(foreign.id(), ExpectedVersion.ANY, "Hijacked")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(tasks.stored(foreign.id())).contains(foreign);
        }
    }

    @Nested
    class UpdateCommand {

        @Test
        void rejectsCompletedSetToNull() {
            // Completed is a required boolean: an explicit null cannot clear it.
            assertThatThrownBy(() -> new UpdateTaskCommand(TaskId.generate(), ExpectedVersion.ANY,
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.to(null),
                    FieldChange.unchanged()))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("completed"));
        }

        @Test
        void changesAnythingOnlyWhenSomeFieldIsAChange() {
            var id = TaskId.generate();

            assertThat(noChangesTo(id, ExpectedVersion.ANY).changesAnything()).isFalse();
            assertThat(new UpdateTaskCommand(id, ExpectedVersion.ANY, FieldChange.unchanged(), FieldChange.to(null),
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged()).changesAnything())
                    .isTrue();
            assertThat(new UpdateTaskCommand(id, ExpectedVersion.ANY, FieldChange.unchanged(),
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.to(false), FieldChange.unchanged())
                    .changesAnything()).isTrue();
            assertThat(new UpdateTaskCommand(id, ExpectedVersion.ANY, FieldChange.unchanged(),
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.to(null))
                    .changesAnything()).isTrue();
        }
    }

    @Nested
    class Delete {

        @Test
        void withTheMatchingVersionRemovesTheTaskInAWriteTransaction() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(2).build());

            service.delete(task.id(), ExpectedVersion.exactly(2));

            assertThat(tasks.stored(task.id())).isEmpty();
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void withAnyVersionRemovesTheTask() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(7).build());

            service.delete(task.id(), ExpectedVersion.ANY);

            assertThat(tasks.stored(task.id())).isEmpty();
        }

        @Test
        void withAStaleVersionKeepsTheTask() {
            var task = given(aTask().withOrganizationId(tenant).withVersion(2).build());

            assertThatThrownBy(() -> service.delete(task.id(), ExpectedVersion.exactly(1)))
                    .isInstanceOfSatisfying(StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(2));

            assertThat(tasks.writes()).isEmpty();
            assertThat(tasks.stored(task.id())).contains(task);
        }

        @Test
        void aChangeByAnotherRequestBetweenReadAndDeleteIsAConflict() {
            var task = given(aTask().withOrganizationId(tenant).build());
            tasks.beforeNextWrite(() -> tasks.given(aTask().withId(task.id()).withOrganizationId(tenant)
                    .withVersion(2).build()));

            assertThatThrownBy(() -> service.delete(task.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class);
            assertThat(tasks.stored(task.id())).isPresent();
        }

        @Test
        void anUnknownTaskIsNotFound() {
            assertThatThrownBy(() -> service.delete(TaskId.generate(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void anotherTenantsTaskIsNotFoundAndKept() {
            var foreign = given(aTask().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.delete(foreign.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(tasks.stored(foreign.id())).contains(foreign);
        }
    }

    @Nested
    class Listing {

        @Test
        void returnsOnlyTheCurrentTenantsTasksNewestFirstInAReadOnlyTransaction() {
            // Ids are time-ordered: the later generated, the newer.
            var oldest = given(aTask().withOrganizationId(tenant).withTitle("oldest").build());
            given(aTask().withOrganizationId(otherTenant).withTitle("foreign").build());
            var newest = given(aTask().withOrganizationId(tenant).withTitle("newest").build());

            var page = service.list(TaskFilter.ALL, PageRequest.first(10));

            assertThat(page.items()).containsExactly(newest, oldest);
            assertThat(page.hasMore()).isFalse();
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, true, Outcome.COMMITTED));
        }

        @Test
        void passesTheCompletedFilterThrough() {
            var done = given(aTask().withOrganizationId(tenant).completed(true).build());
            given(aTask().withOrganizationId(tenant).completed(false).build());

            var page = service.list(new TaskFilter(true, null, null), PageRequest.first(10));

            assertThat(page.items()).containsExactly(done);
        }

        @Test
        void passesTheDueBeforeFilterThrough() {
            var early = given(aTask().withOrganizationId(tenant).withDueDate(DUE.minusSeconds(1)).build());
            given(aTask().withOrganizationId(tenant).withDueDate(DUE).build());
            given(aTask().withOrganizationId(tenant).withDueDate(null).build());

            var page = service.list(new TaskFilter(null, DUE, null), PageRequest.first(10));

            assertThat(page.items()).containsExactly(early);
        }

        @Test
        void passesTheAssigneeFilterThrough() {
            tasks.givenMembers(tenant, MEMBER, OTHER_MEMBER);
            var assigned = given(aTask().withOrganizationId(tenant).withAssigneeId(MEMBER).build());
            given(aTask().withOrganizationId(tenant).withAssigneeId(OTHER_MEMBER).build());
            given(aTask().withOrganizationId(tenant).build());

            var page = service.list(new TaskFilter(null, null, MEMBER), PageRequest.first(10));

            assertThat(page.items()).containsExactly(assigned);
        }

        @Test
        void passesThePageThroughAndContinuesAfterTheLastItem() {
            var first = given(aTask().withOrganizationId(tenant).build());
            var second = given(aTask().withOrganizationId(tenant).build());
            var third = given(aTask().withOrganizationId(tenant).build());

            var firstPage = service.list(TaskFilter.ALL, PageRequest.first(2));
            var nextPage = service.list(TaskFilter.ALL, new PageRequest<>(firstPage.last().id(), 2));

            assertThat(firstPage.items()).containsExactly(third, second);
            assertThat(firstPage.hasMore()).isTrue();
            assertThat(nextPage.items()).containsExactly(first);
            assertThat(nextPage.hasMore()).isFalse();
        }
    }
}
