package dev.tenantcore.contacts;

import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/productions with the tenant-isolation suite and the permission matrix. Codes are unique. */
@Factory
final class ProductionResource {

    @Singleton
    CrudResource productions() {
        return new CrudResource("productions", "{\"name\":\"A production\",\"code\":\"P-" + CrudResource.UNIQUE
                + "\",\"metadata\":{\"network\":\"Northern Lights TV\"}}", "{\"name\":\"Renamed\",\"status\":\"wrap\"}",
                ContactPermissions.READ, ContactPermissions.WRITE);
    }
}
