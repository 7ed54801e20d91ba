package dev.tenantcore.webhooks;

import dev.tenantcore.support.CrudResource;
import dev.tenantcore.webhooks.domain.WebhookPermissions;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Registers /v1/webhooks with the tenant-isolation suite and the permission matrix. The endpoints are created
 * disabled (at the test configuration's allow-listed loopback name): the suites compare organizations' rows
 * before and after, which deliveries in the background would change.
 */
@Factory
final class WebhookResource {

    @Singleton
    CrudResource webhooks() {
        return new CrudResource("webhooks", "{\"url\":\"http://localhost:9/{unique}\",\"eventTypes\":[\"task.created\"],\"enabled\":false}",
                "{\"eventTypes\":[\"task.created\",\"task.updated\"]}", WebhookPermissions.READ,
                WebhookPermissions.MANAGE);
    }
}
