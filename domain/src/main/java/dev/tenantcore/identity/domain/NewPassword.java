package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;

/**
 * A password someone chooses. NIST SP 800-63B: length is what counts, so at least 12 characters and no
 * composition rules; at most 256 so hashing stays bounded. Never printed.
 */
public record NewPassword(String value) {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    public NewPassword {
        if (value == null) {
            throw new InvariantViolationException("password", "must not be null");
        }
        var length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvariantViolationException("password",
                    "must have between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvariantViolationException("password", "must not contain NUL characters");
        }
    }

    @Override
    public String toString() {
        return "NewPassword[***]";
    }
}
