package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record WebhookId(UUID value) {
    public WebhookId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookId generate() {
        return new WebhookId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
