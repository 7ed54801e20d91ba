package dev.tenantcore.webhooks.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

@Serdeable
@Schema(name = "CreateWebhookRequest")
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "https://hooks.example.com/tenantcore",
                description = "An https URL whose host resolves to public addresses only") String url,
        @NotEmpty @Size(max = 50) @ArraySchema(schema = @Schema(example = "task.created",
                description = "One of the event types listed in the README")) List<String> eventTypes,
        @Nullable @Schema(description = "Default true", example = "true") Boolean enabled) {
}
