package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A partial update of the caller's preferences: only the properties present are changed, none can be null. */
@Serdeable
@Schema(name = "UpdatePreferencesRequest", description = "Only the properties present are changed; settings is "
        + "replaced whole")
public final class UpdatePreferencesRequest {
    private FieldChange<Boolean> emailNotifications = FieldChange.unchanged();
    private FieldChange<String> theme = FieldChange.unchanged();
    private FieldChange<JsonNode> settings = FieldChange.unchanged();

    public void setEmailNotifications(@Nullable Boolean emailNotifications) {
        this.emailNotifications = FieldChange.to(emailNotifications);
    }

    @Schema(allowableValues = {"system", "light", "dark"})
    public void setTheme(@Nullable String theme) {
        this.theme = FieldChange.to(theme);
    }

    @Schema(type = "object", description = "Any JSON object of at most 64 KiB; {} empties it")
    public void setSettings(@Nullable JsonNode settings) {
        this.settings = FieldChange.to(settings == null || settings.isNull() ? null : settings);
    }

    FieldChange<Boolean> emailNotifications() {
        return emailNotifications;
    }

    FieldChange<String> theme() {
        return theme;
    }

    FieldChange<JsonNode> settings() {
        return settings;
    }
}
