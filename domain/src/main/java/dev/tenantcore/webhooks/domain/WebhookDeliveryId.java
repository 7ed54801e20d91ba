package dev.tenantcore.webhooks.domain;

import java.util.Objects;
import java.util.UUID;

public record WebhookDeliveryId(UUID value) {
    public WebhookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
