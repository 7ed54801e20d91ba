package dev.tenantcore.shared.domain;

/** Guards for the free-text fields of aggregates. */
public final class Text {
    private Text() {
    }

    /** Trims and checks the length of a required text; blank counts as missing. */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvariantViolationException(field, field + " must not be blank");
        }
        return optional(field, value.strip(), maxLength);
    }

    /** Checks the length of an optional text; {@code null} stays {@code null}. */
    public static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvariantViolationException(field, field + " must be at most " + maxLength + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold NUL; refusing it here keeps it a client error, not a failed write.
            throw new InvariantViolationException(field, field + " must not contain NUL characters");
        }
        return value;
    }
}
