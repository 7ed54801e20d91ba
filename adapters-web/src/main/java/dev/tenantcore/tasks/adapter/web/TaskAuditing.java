package dev.tenantcore.tasks.adapter.web;

import dev.tenantcore.shared.adapter.web.AuditedResource;
import dev.tenantcore.tasks.domain.TaskPermissions;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Tasks are audited (trigger tasks_audit): their history is served at /v1/tasks/{id}/history. */
@Factory
final class TaskAuditing {

    @Singleton
    AuditedResource tasks() {
        return new AuditedResource("tasks", "task", TaskPermissions.READ);
    }
}
