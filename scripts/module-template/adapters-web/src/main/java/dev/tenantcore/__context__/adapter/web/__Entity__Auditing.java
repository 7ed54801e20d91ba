package dev.tenantcore.__context__.adapter.web;

import dev.tenantcore.__context__.domain.__Entity__Permissions;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** __Context__ are audited (trigger __context___audit): their history is served at /v1/__context__/{id}/history. */
@Factory
final class __Entity__Auditing {

    @Singleton
    AuditedResource __context__() {
        return new AuditedResource("__context__", "__entity_type__", __Entity__Permissions.READ);
    }
}
