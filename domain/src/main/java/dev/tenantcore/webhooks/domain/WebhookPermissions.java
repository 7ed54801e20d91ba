package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.Permission;

/** The webhooks context's permissions; its migration catalogues them and grants them to the built-in roles. */
public final class WebhookPermissions {
    public static final Permission READ = new Permission("webhooks:read");
    public static final Permission MANAGE = new Permission("webhooks:manage");

    private WebhookPermissions() {
    }
}
