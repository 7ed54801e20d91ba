package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.UserId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a person presents themselves: what their organizations see of them besides the address. Everything but the
 * display name is optional ({@code null}).
 *
 * @param avatarUrl an absolute http(s) URL of at most 2000 characters
 * @param locale    a BCP 47 language tag such as {@code en} or {@code pt-BR}, language in lower case
 * @param timeZone  a {@link ZoneId} such as {@code Europe/Lisbon} or {@code +01:00}, kept as the JDK normalises it
 */
public record UserProfile(UserId userId, String displayName, String avatarUrl, String locale, String timeZone,
        String bio, long version, Instant createdAt, Instant updatedAt) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    public static final int MAX_AVATAR_URL_LENGTH = 2000;
    public static final int MAX_LOCALE_LENGTH = 35;
    public static final int MAX_TIME_ZONE_LENGTH = 64;
    public static final int MAX_BIO_LENGTH = 2000;

    /** The database's shape of a tag (a lower-case language, then subtags of 2 to 8 letters and digits). */
    private static final Pattern LOCALE_SHAPE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        displayName = Text.required("displayName", displayName, MAX_DISPLAY_NAME_LENGTH);
        avatarUrl = avatarUrl(avatarUrl);
        locale = locale(locale);
        timeZone = timeZone(timeZone);
        bio = Text.optional("bio", bio, MAX_BIO_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new InvariantViolationException("version", "must be positive");
        }
    }

    /** A profile as storage holds it, checked like any other. */
    public static UserProfile reconstitute(UserId userId, String displayName, String avatarUrl, String locale,
            String timeZone, String bio, long version, Instant createdAt, Instant updatedAt) {
        return new UserProfile(userId, displayName, avatarUrl, locale, timeZone, bio, version, createdAt, updatedAt);
    }

    public static UserProfile initial(UserId userId, String displayName, Instant now) {
        return new UserProfile(userId, displayName, null, null, null, null, 1, now, now);
    }

    /** The profile with these values, same version: the repository's conditional update bumps it. */
    public UserProfile revised(String displayName, String avatarUrl, String locale, String timeZone, String bio,
            Instant now) {
        return new UserProfile(userId, displayName, avatarUrl, locale, timeZone, bio, version, createdAt, now);
    }

    private static String avatarUrl(String value) {
        if (value == null) {
            return null;
        }
        var url = Text.optional("avatarUrl", value.strip(), MAX_AVATAR_URL_LENGTH);
        var problem = new InvariantViolationException("avatarUrl",
                "avatarUrl must be an absolute http or https URL of at most " + MAX_AVATAR_URL_LENGTH + " characters");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw problem;
        }
        try {
            var parsed = new URI(url);
            if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
                throw problem;
            }
        } catch (URISyntaxException e) {
            throw problem;
        }
        return url;
    }

    private static String locale(String value) {
        if (value == null) {
            return null;
        }
        var tag = value.strip();
        var problem = new InvariantViolationException("locale",
                "locale must be a BCP 47 language tag such as en or pt-BR");
        if (tag.length() > MAX_LOCALE_LENGTH || !LOCALE_SHAPE.matcher(tag).matches()) {
            throw problem;
        }
        try {
            new Locale.Builder().setLanguageTag(tag); // well-formed as BCP 47 says, not only shaped like it
        } catch (IllformedLocaleException e) {
            throw problem;
        }
        return tag;
    }

    private static String timeZone(String value) {
        if (value == null) {
            return null;
        }
        var problem = new InvariantViolationException("timeZone",
                "timeZone must be a time-zone id such as Europe/Lisbon or UTC");
        var candidate = value.strip();
        if (candidate.isEmpty() || candidate.length() > MAX_TIME_ZONE_LENGTH) {
            throw problem;
        }
        try {
            var id = ZoneId.of(candidate).getId();
            if (id.length() > MAX_TIME_ZONE_LENGTH) {
                throw problem;
            }
            return id;
        } catch (DateTimeException e) {
            throw problem;
        }
    }
}
