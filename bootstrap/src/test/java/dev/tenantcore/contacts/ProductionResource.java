package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/productions with the tenant-isolation suite and the permission matrix. */
@Factory
final class ProductionResource {

    @Singleton
    CrudResource productions() {
        return new CrudResource("productions", "{\"name\":\"A production\"}", "{\"name\":\"Renamed\"}",
                ContactPermissions.READ, ContactPermissions.WRITE);
    }
}
