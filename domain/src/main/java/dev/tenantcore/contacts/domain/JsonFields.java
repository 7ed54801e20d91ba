package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/**
 * Open-ended data kept as a JSON object and returned whole: a production's metadata, a contact's custom fields. The
 * domain has no JSON parser; the web adapter hands over a parsed-and-reserialised object, and {@link #checked}
 * guards what is cheap to guard here: the outline of an object, the size, and no NUL (which jsonb cannot hold).
 *
 * @param json the text of a JSON object
 */
public record JsonFields(String json) {
    public static final int MAX_LENGTH = 16 * 1024;
    public static final JsonFields EMPTY = new JsonFields("{}");

    public JsonFields {
        Objects.requireNonNull(json, "json");
    }

    /** The object sent for {@code field}, refused with a message naming the field if it is not a small object. */
    public static JsonFields checked(String field, String json) {
        if (json == null) {
            return EMPTY;
        }
        var object = json.strip();
        if (!object.startsWith("{") || !object.endsWith("}")) {
            throw new InvariantViolationException(field, field + " must be a JSON object");
        }
        if (object.length() > MAX_LENGTH) {
            throw new InvariantViolationException(field, field + " must be at most " + MAX_LENGTH
                    + " characters of JSON");
        }
        if (object.indexOf('\0') >= 0 || object.contains("\\u0000")) {
            throw new InvariantViolationException(field, field + " must not contain NUL characters");
        }
        return new JsonFields(object);
    }

    @Override
    public String toString() {
        return "JsonFields[" + json.length() + " characters]"; // contents may be personal data: not for logs
    }
}
