package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Contacts are audited (trigger contacts_audit): their history is served at /v1/contacts/{id}/history. */
@Factory
final class ContactAuditing {

    @Singleton
    AuditedResource contacts() {
        return new AuditedResource("contacts", "contact", ContactPermissions.READ);
    }
}
