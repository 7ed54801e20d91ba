package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A partial update of the caller's preferences: only the fields that are a {@link FieldChange#to change} are
 * touched. None of them can be cleared; {@code settings} is replaced whole (send {@code {}} to empty it).
 */
public record UpdatePreferencesCommand(
        ExpectedVersion expectedVersion,
        FieldChange<Boolean> emailNotifications,
        FieldChange<UserPreferences.Theme> theme,
        FieldChange<PreferenceSettings> settings) {

    public UpdatePreferencesCommand {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(emailNotifications, "emailNotifications");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(settings, "settings");
        requireValue("emailNotifications", emailNotifications, "true or false");
        requireValue("theme", theme, "system, light or dark");
        requireValue("settings", settings, "a JSON object ({} empties it)");
    }

    public boolean changesAnything() {
        return Stream.of(emailNotifications, theme, settings).anyMatch(FieldChange::isChange);
    }

    private static void requireValue(String field, FieldChange<?> change, String expected) {
        if (change instanceof FieldChange.SetTo<?>(Object value) && value == null) {
            throw new InvariantViolationException(field, field + " must be " + expected + ", not null");
        }
    }
}
