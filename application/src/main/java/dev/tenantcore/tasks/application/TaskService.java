package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.Timestamps;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import dev.tenantcore.tasks.domain.TaskRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

@Singleton
final class TaskService implements CreateTaskUseCase, GetTaskUseCase, UpdateTaskUseCase, DeleteTaskUseCase,
        ListTasksUseCase {

    private final TaskRepository tasks;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    TaskService(TaskRepository tasks, TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Task create(CreateTaskCommand command) {
        currentTenant.require(TaskPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var task = Task.create(organizationId, command.title(), command.descriptionOrNull(), command.dueDateOrNull(),
                command.completed(), command.assigneeIdOrNull(), clock.instant());
        return transactions.write(organizationId, () -> tasks.insert(task));
    }

    @Override
    public Task get(TaskId id) {
        currentTenant.require(TaskPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Task getAsOf(TaskId id, Instant asOf) {
        currentTenant.require(TaskPermissions.READ);
        Timestamps.withinRange("asOf", asOf);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> tasks.findAsOf(organizationId, id, asOf))
                .orElseThrow(() -> new ResourceNotFoundException("task"));
    }

    @Override
    public Task update(UpdateTaskCommand command) {
        currentTenant.require(TaskPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(
                    command.title().orElse(current.title()),
                    command.description().orElse(current.description()),
                    command.dueDate().orElse(current.dueDate()),
                    command.completed().orElse(current.completed()),
                    command.assigneeId().orElse(current.assigneeId()));
            return tasks.update(revised).orElseThrow(TaskService::concurrentChange);
        });
    }

    @Override
    public void delete(TaskId id, ExpectedVersion expectedVersion) {
        currentTenant.require(TaskPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var task = load(organizationId, id);
            expectedVersion.check(task.version());
            if (!tasks.delete(organizationId, id, task.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest<TaskId> page) {
        currentTenant.require(TaskPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> tasks.list(organizationId, filter, page));
    }

    private Task load(OrganizationId organizationId, TaskId id) {
        return tasks.findById(organizationId, id).orElseThrow(() -> new ResourceNotFoundException("task"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the task was changed concurrently; retry");
    }
}
