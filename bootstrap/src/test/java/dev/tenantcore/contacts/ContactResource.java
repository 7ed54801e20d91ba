package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Registers /v1/contacts with the tenant-isolation suite and the permission matrix; its restore route is listed in
 * both by hand. An email is unique among the live contacts of a production.
 */
@Factory
final class ContactResource {

    @Singleton
    CrudResource contacts() {
        return new CrudResource("contacts", "{\"name\":\"Grace Hopper\",\"email\":\"grace-" + CrudResource.UNIQUE
                + "@example.com\",\"phone\":\"+1 415 555 0123\",\"role\":\"Gaffer\"}",
                "{\"name\":\"Renamed\",\"notes\":\"changed\"}", ContactPermissions.READ, ContactPermissions.WRITE);
    }
}
