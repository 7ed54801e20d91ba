package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and a value stay apart; the domain then checks the new values (none of them may be null).
 */
@Serdeable
@Schema(name = "UpdateWebhookRequest", description = "Only the properties present are changed")
public final class UpdateWebhookRequest {
    private FieldChange<String> url = FieldChange.unchanged();
    private FieldChange<List<String>> eventTypes = FieldChange.unchanged();
    private FieldChange<Boolean> enabled = FieldChange.unchanged();

    @Schema(maxLength = 2000, minLength = 1, example = "https://hooks.example.com/tenantcore")
    public void setUrl(@Nullable String url) {
        this.url = FieldChange.to(url);
    }

    @ArraySchema(minItems = 1, maxItems = 50, schema = @Schema(example = "task.updated"))
    public void setEventTypes(@Nullable List<String> eventTypes) {
        this.eventTypes = FieldChange.to(eventTypes);
    }

    @Schema(description = "true enables the endpoint again after the service disabled it", example = "true")
    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = FieldChange.to(enabled);
    }

    FieldChange<String> url() {
        return url;
    }

    FieldChange<List<String>> eventTypes() {
        return eventTypes;
    }

    FieldChange<Boolean> enabled() {
        return enabled;
    }
}
