package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A JSON merge-style partial update of the caller's profile. A setter runs only for a property present in the
 * body, so "absent" (leave as is) and "null" (clear) stay apart; the domain then checks the new values.
 */
@Serdeable
@Schema(name = "UpdateProfileRequest",
        description = "Only the properties present are changed; null clears every field but displayName")
public final class UpdateProfileRequest {
    private FieldChange<String> displayName = FieldChange.unchanged();
    private FieldChange<String> avatarUrl = FieldChange.unchanged();
    private FieldChange<String> locale = FieldChange.unchanged();
    private FieldChange<String> timeZone = FieldChange.unchanged();
    private FieldChange<String> bio = FieldChange.unchanged();

    @Schema(minLength = 1, maxLength = 200)
    public void setDisplayName(@Nullable String displayName) {
        this.displayName = FieldChange.to(displayName);
    }

    @Schema(nullable = true, maxLength = 2000, description = "An absolute http or https URL")
    public void setAvatarUrl(@Nullable String avatarUrl) {
        this.avatarUrl = FieldChange.to(avatarUrl);
    }

    @Schema(nullable = true, description = "A BCP 47 language tag", example = "pt-BR")
    public void setLocale(@Nullable String locale) {
        this.locale = FieldChange.to(locale);
    }

    @Schema(nullable = true, description = "A time-zone id", example = "Europe/Lisbon")
    public void setTimeZone(@Nullable String timeZone) {
        this.timeZone = FieldChange.to(timeZone);
    }

    @Schema(nullable = true, maxLength = 2000)
    public void setBio(@Nullable String bio) {
        this.bio = FieldChange.to(bio);
    }

    FieldChange<String> displayName() {
        return displayName;
    }

    FieldChange<String> avatarUrl() {
        return avatarUrl;
    }

    FieldChange<String> locale() {
        return locale;
    }

    FieldChange<String> timeZone() {
        return timeZone;
    }

    FieldChange<String> bio() {
        return bio;
    }
}
