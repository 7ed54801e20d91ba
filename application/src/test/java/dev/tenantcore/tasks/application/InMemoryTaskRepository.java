package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.TimeOrderedIds;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task port over a map, honouring its contract: conditional update and delete on the stored version, the
 * version bumped and the update time set on every update (the database trigger's job), newest first by id. Each
 * call checks, as the JDBC adapter does, that a transaction for the organization is active.
 */
public final class InMemoryTaskRepository implements TaskRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<TaskId, Task> stored = new LinkedHashMap<>();
    /** Every stored state with the instant it was written (null once deleted): what the audit log holds. */
    private final Map<TaskId, List<State>> history = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final Set<String> members = new HashSet<>();
    private Runnable beforeNextWrite;

    public InMemoryTaskRepository(FakeTenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            var historyCopy = new LinkedHashMap<TaskId, List<State>>();
            history.forEach((id, states) -> historyCopy.put(id, new ArrayList<>(states)));
            return () -> {
                stored.clear();
                stored.putAll(copy);
                history.clear();
                history.putAll(historyCopy);
            };
        });
    }

    // ---- test set-up and inspection; these bypass the tenant checks on purpose ----

    /** Stores tasks as if earlier requests had created them. */
    public void given(Task... tasks) {
        for (Task task : tasks) {
            stored.put(task.id(), task);
            remember(task.id(), task.updatedAt(), task);
        }
    }

    public Optional<Task> stored(TaskId id) {
        return Optional.ofNullable(stored.get(id));
    }

    public List<Task> all() {
        return List.copyOf(stored.values());
    }

    /** The write calls made (insert, update, delete), successful or not, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** Makes these users members of the organization: the only people its tasks may be assigned to. */
    public void givenMembers(OrganizationId organizationId, UserId... userIds) {
        for (UserId userId : userIds) {
            members.add(organizationId + "/" + userId);
        }
    }

    /** Runs {@code interference} at the start of the next update or delete: another request got there first. */
    public void beforeNextWrite(Runnable interference) {
        this.beforeNextWrite = interference;
    }

    // ---- the port ----

    @Override
    public Task insert(Task task) {
        transactions.requireWritable(task.organizationId());
        writes.add("insert " + task.id());
        requireMemberAssignee(task);
        if (stored.containsKey(task.id())) {
            throw new IllegalStateException("duplicate task id " + task.id());
        }
        stored.put(task.id(), task);
        remember(task.id(), clock.instant(), task);
        return task;
    }

    @Override
    public Optional<Task> findById(OrganizationId organizationId, TaskId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(task -> task.organizationId().equals(organizationId));
    }

    @Override
    public Optional<Task> findAsOf(OrganizationId organizationId, TaskId id, Instant instant) {
        transactions.requireActive(organizationId);
        return history.getOrDefault(id, List.of()).stream()
                .filter(state -> !state.at().isAfter(instant))
                .reduce((earlier, later) -> later)
                .map(State::taskOrNull)
                .filter(task -> task.organizationId().equals(organizationId));
    }

    @Override
    public Page<Task> list(OrganizationId organizationId, TaskFilter filter, PageRequest<TaskId> page) {
        transactions.requireActive(organizationId);
        var rows = stored.values().stream()
                .filter(task -> task.organizationId().equals(organizationId))
                .filter(task -> page.after().map(after -> TimeOrderedIds.compare(task.id().value(), after.value()) < 0)
                        .orElse(true))
                .filter(task -> filter.completed().map(completed -> task.completed() == completed).orElse(true))
                // Like SQL's "due_date < ?": a task without a due date is not due before anything.
                .filter(task -> filter.dueBefore()
                        .map(before -> task.dueDate() != null && task.dueDate().isBefore(before)).orElse(true))
                .filter(task -> filter.assigneeId().map(assignee -> assignee.equals(task.assigneeId())).orElse(true))
                .sorted(Comparator.comparing((Task task) -> task.id().value(), TimeOrderedIds.ASCENDING).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(rows, page.limit());
    }

    @Override
    public Optional<Task> update(Task task) {
        transactions.requireWritable(task.organizationId());
        interfere();
        writes.add("update " + task.id());
        requireMemberAssignee(task);
        var current = stored.get(task.id());
        if (current == null || !current.organizationId().equals(task.organizationId())
                || current.version() != task.version()) {
            return Optional.empty();
        }
        var updated = new Task(task.id(), current.organizationId(), task.title(), task.description(), task.dueDate(),
                task.completed(), task.assigneeId(), current.version() + 1, current.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        remember(updated.id(), updated.updatedAt(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, TaskId id, long version) {
        transactions.requireWritable(organizationId);
        interfere();
        writes.add("delete " + id);
        var current = stored.get(id);
        if (current == null || !current.organizationId().equals(organizationId) || current.version() != version) {
            return false;
        }
        stored.remove(id);
        remember(id, clock.instant(), null);
        return true;
    }

    /** The database's composite foreign key to memberships, in memory. */
    private void requireMemberAssignee(Task task) {
        if (task.assigneeId() != null && !members.contains(task.organizationId() + "/" + task.assigneeId())) {
            throw new InvariantViolationException("assigneeId", Task.ASSIGNEE_NOT_A_MEMBER);
        }
    }

    private void remember(TaskId id, Instant at, Task stateOrNull) {
        history.computeIfAbsent(id, key -> new ArrayList<>()).add(new State(at, stateOrNull));
    }

    private record State(Instant at, Task taskOrNull) {
    }

    private void interfere() {
        var interference = beforeNextWrite;
        beforeNextWrite = null;
        if (interference != null) {
            interference.run();
        }
    }
}
