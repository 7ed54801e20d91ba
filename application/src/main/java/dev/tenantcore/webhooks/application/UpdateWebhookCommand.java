package dev.tenantcore.webhooks.application;

import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.webhooks.domain.WebhookId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A partial update: only the fields that are a {@link FieldChange#to change} are touched. */
public record UpdateWebhookCommand(
        WebhookId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> url,
        FieldChange<List<String>> eventTypes,
        FieldChange<Boolean> enabled) {

    public UpdateWebhookCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(eventTypes, "eventTypes");
        Objects.requireNonNull(enabled, "enabled");
    }

    public boolean changesAnything() {
        return Stream.of(url, eventTypes, enabled).anyMatch(FieldChange::isChange);
    }
}
