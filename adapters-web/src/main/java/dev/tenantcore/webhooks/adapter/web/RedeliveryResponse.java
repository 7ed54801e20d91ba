package dev.tenantcore.webhooks.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

@Serdeable
@Schema(name = "WebhookRedelivery")
public record RedeliveryResponse(
        @Schema(description = "The new delivery, listed in the endpoint's deliveries",
                example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a60") UUID id) {
}
