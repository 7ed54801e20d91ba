package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/**
 * A product's open-ended attributes (colour, size, material...) as a JSON object, returned whole and filtered by
 * key and value. The domain has no JSON parser: the web adapter hands over a parsed-and-reserialised object, and
 * {@link #checked} guards the outline, the size and NUL (which jsonb cannot hold).
 */
public record ProductAttributes(String json) {
    public static final int MAX_LENGTH = 16 * 1024;
    public static final ProductAttributes EMPTY = new ProductAttributes("{}");

    public ProductAttributes {
        Objects.requireNonNull(json, "json");
    }

    public static ProductAttributes checked(String json) {
        if (json == null) {
            return EMPTY;
        }
        var object = json.strip();
        if (!object.startsWith("{") || !object.endsWith("}")) {
            throw new InvariantViolationException("attributes", "attributes must be a JSON object");
        }
        if (object.length() > MAX_LENGTH) {
            throw new InvariantViolationException("attributes", "attributes must be at most " + MAX_LENGTH
                    + " characters of JSON");
        }
        if (object.indexOf('\0') >= 0 || object.contains("\\u0000")) {
            throw new InvariantViolationException("attributes", "attributes must not contain NUL characters");
        }
        return new ProductAttributes(object);
    }
}
