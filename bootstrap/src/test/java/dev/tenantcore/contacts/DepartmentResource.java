package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/departments with the tenant-isolation suite and the permission matrix. */
@Factory
final class DepartmentResource {

    @Singleton
    CrudResource departments() {
        return new CrudResource("departments", "{\"name\":\"A department\"}", "{\"name\":\"Renamed\"}",
                ContactPermissions.READ, ContactPermissions.WRITE);
    }
}
