package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/contacts with the tenant-isolation suite and the permission matrix. */
@Factory
final class ContactResource {

    @Singleton
    CrudResource contacts() {
        return new CrudResource("contacts", "{\"name\":\"A contact\"}", "{\"name\":\"Renamed\"}",
                ContactPermissions.READ, ContactPermissions.WRITE);
    }
}
