package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/**
 * A client's own preferences: a JSON object, opaque to the service, stored and returned whole. The domain has no
 * JSON parser; the adapter that builds one from a request hands over a parsed-and-reserialised object text, and
 * this guards what is cheap to guard here: an object's outline, the size, and no NUL character (which PostgreSQL's
 * jsonb cannot hold).
 *
 * @param json the text of a JSON object, at most {@value #MAX_BYTES} bytes in UTF-8 once the blanks between
 *             tokens are left out (so the same object is as large as sent compactly and as PostgreSQL prints it)
 */
public record PreferenceSettings(String json) {
    public static final int MAX_BYTES = 64 * 1024;
    public static final PreferenceSettings EMPTY = new PreferenceSettings("{}");

    public PreferenceSettings {
        Objects.requireNonNull(json, "json");
        json = json.strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new InvariantViolationException("settings", "settings must be a JSON object");
        }
        if (compactSize(json) > MAX_BYTES) {
            throw new InvariantViolationException("settings",
                    "settings must be at most " + MAX_BYTES + " bytes of JSON");
        }
        if (json.indexOf('\0') >= 0 || hasEscapedNul(json)) {
            throw new InvariantViolationException("settings", "settings must not contain NUL characters");
        }
    }

    /** UTF-8 bytes, not counting blanks outside strings. */
    private static long compactSize(String json) {
        long bytes = 0;
        var inString = false;
        for (int i = 0; i < json.length(); i++) {
            var c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    bytes += utf8Length(c);
                    i++;
                    c = i < json.length() ? json.charAt(i) : ' ';
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            } else if (c == '"') {
                inString = true;
            }
            bytes += utf8Length(c);
        }
        return bytes;
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is four bytes, two per half
    }

    /** A NUL escape (backslash, u0000), told apart from an escaped backslash followed by the text u0000. */
    private static boolean hasEscapedNul(String json) {
        for (int i = 0; i < json.length() - 1; i++) {
            if (json.charAt(i) != '\\') {
                continue;
            }
            if (json.startsWith("u0000", i + 1)) {
                return true;
            }
            i++; // the escaped character, whatever it is, cannot start another escape
        }
        return false;
    }

    @Override
    public String toString() {
        return "PreferenceSettings[" + json.length() + " characters]"; // a person's data stays out of logs
    }
}
