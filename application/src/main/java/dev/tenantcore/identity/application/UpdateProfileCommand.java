package dev.tenantcore.identity.application;

import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A partial update of the caller's profile: only the fields that are a {@link FieldChange#to change} are touched;
 * {@code null} clears an optional field. The display name is required and cannot be cleared.
 */
public record UpdateProfileCommand(
        ExpectedVersion expectedVersion,
        FieldChange<String> displayName,
        FieldChange<String> avatarUrl,
        FieldChange<String> locale,
        FieldChange<String> timeZone,
        FieldChange<String> bio) {

    public UpdateProfileCommand {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(bio, "bio");
        if (displayName instanceof FieldChange.SetTo<String>(String value) && value == null) {
            throw new InvariantViolationException("displayName", "displayName cannot be cleared");
        }
    }

    public boolean changesAnything() {
        return Stream.of(displayName, avatarUrl, locale, timeZone, bio).anyMatch(FieldChange::isChange);
    }
}
