package dev.tenantcore.__context__;

import dev.tenantcore.__context__.domain.__Entity__Permissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/__context__ with the tenant-isolation suite and the permission matrix. */
@Factory
final class __Entity__Resource {

    @Singleton
    CrudResource __context__() {
        return new CrudResource("__context__", "{\"name\":\"__A__ __entity_words__\"}", "{\"name\":\"Renamed\"}",
                __Entity__Permissions.READ, __Entity__Permissions.WRITE);
    }
}
