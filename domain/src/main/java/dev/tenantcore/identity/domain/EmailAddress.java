package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as a login name. Kept as given apart from surrounding blanks; the database compares it
 * case-insensitively (citext), and {@link #key()} is the same comparison for in-memory uses such as throttling.
 * The check is deliberately loose (one @, no blanks): only delivery proves an address.
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null) {
            throw new InvariantViolationException("email", "must not be null");
        }
        value = value.strip();
        if (value.length() < 3 || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvariantViolationException("email", "must be an e-mail address of at most 254 characters");
        }
    }

    /** The address as the database compares it: case does not matter. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
