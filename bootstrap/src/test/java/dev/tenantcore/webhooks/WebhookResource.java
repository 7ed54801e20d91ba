package dev.tenantcore.webhooks;

import dev.tenantcore.support.CrudResource;
import dev.tenantcore.webhooks.domain.WebhookPermissions;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Registers /v1/webhooks with the tenant-isolation suite and the permission matrix. The target is the test
 * configuration's allow-listed loopback address on the discard port: nothing is delivered there by these suites.
 */
@Factory
final class WebhookResource {

    @Singleton
    CrudResource webhooks() {
        return new CrudResource("webhooks", "{\"url\":\"http://127.0.0.1:9/{unique}\",\"eventTypes\":[\"task.created\"]}",
                "{\"eventTypes\":[\"task.created\",\"task.updated\"]}", WebhookPermissions.READ,
                WebhookPermissions.MANAGE);
    }
}
