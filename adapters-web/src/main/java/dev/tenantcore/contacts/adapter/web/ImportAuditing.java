package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Imports are audited (trigger imports_audit): their history is served at /v1/imports/{id}/history. */
@Factory
final class ImportAuditing {

    @Singleton
    AuditedResource imports() {
        return new AuditedResource("imports", "import", ContactPermissions.IMPORTS_MANAGE);
    }
}
