package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Departments are audited (trigger departments_audit): their history is served at /v1/departments/{id}/history. */
@Factory
final class DepartmentAuditing {

    @Singleton
    AuditedResource departments() {
        return new AuditedResource("departments", "department", ContactPermissions.READ);
    }
}
