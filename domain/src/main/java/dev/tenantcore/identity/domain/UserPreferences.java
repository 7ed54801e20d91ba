package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a person wants the service to behave for them, in every organization: what the service itself reads, typed
 * ({@code emailNotifications}, {@code theme}), and whatever else a client stores for them ({@code settings}).
 */
public record UserPreferences(UserId userId, boolean emailNotifications, Theme theme, PreferenceSettings settings,
        long version, Instant createdAt, Instant updatedAt) {

    public enum Theme {
        SYSTEM, LIGHT, DARK;

        /** The name stored and shown: {@code dark}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Throws {@link InvariantViolationException} ("theme") for anything but system, light or dark. */
        public static Theme fromCode(String code) {
            return Arrays.stream(values()).filter(theme -> theme.code().equals(code)).findFirst()
                    .orElseThrow(() -> new InvariantViolationException("theme", "theme must be one of "
                            + Arrays.stream(values()).map(Theme::code).collect(Collectors.joining(", "))));
        }
    }

    public UserPreferences {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new InvariantViolationException("version", "must be positive");
        }
    }

    /** Preferences as storage holds them, checked like any others. */
    public static UserPreferences reconstitute(UserId userId, boolean emailNotifications, Theme theme,
            PreferenceSettings settings, long version, Instant createdAt, Instant updatedAt) {
        return new UserPreferences(userId, emailNotifications, theme, settings, version, createdAt, updatedAt);
    }

    /** The preferences with these values, same version: the repository's conditional update bumps it. */
    public UserPreferences revised(boolean emailNotifications, Theme theme, PreferenceSettings settings,
            Instant now) {
        return new UserPreferences(userId, emailNotifications, theme, settings, version, createdAt, now);
    }
}
