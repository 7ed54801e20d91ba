package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/departments with the tenant-isolation suite and the permission matrix. Names are unique. */
@Factory
final class DepartmentResource {

    @Singleton
    CrudResource departments() {
        return new CrudResource("departments", "{\"name\":\"A department " + CrudResource.UNIQUE + "\"}",
                "{\"name\":\"Renamed " + CrudResource.UNIQUE + "\"}", ContactPermissions.READ,
                ContactPermissions.WRITE);
    }
}
