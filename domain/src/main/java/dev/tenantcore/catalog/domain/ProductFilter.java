package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Which products a list or a search returns: those of one status, and those whose attributes hold every given key
 * with the given text value ({@code attributes.color=red}); every part optional, all given parts must hold.
 */
public record ProductFilter(ProductStatus statusOrNull, SequencedMap<String, String> attributes) {
    public static final int MAX_ATTRIBUTES = 10;
    public static final int ATTRIBUTE_MAX_LENGTH = 200;

    public ProductFilter {
        attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvariantViolationException("attributes", "at most " + MAX_ATTRIBUTES + " attribute filters");
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            check(entry.getKey());
            check(entry.getValue());
        }
    }

    private static void check(String text) {
        if (text == null || text.isEmpty() || text.length() > ATTRIBUTE_MAX_LENGTH || text.indexOf('\0') >= 0) {
            throw new InvariantViolationException("attributes", "an attribute filter's key and value must be 1 to "
                    + ATTRIBUTE_MAX_LENGTH + " characters, without NUL");
        }
    }

    public Optional<ProductStatus> status() {
        return Optional.ofNullable(statusOrNull);
    }
}
