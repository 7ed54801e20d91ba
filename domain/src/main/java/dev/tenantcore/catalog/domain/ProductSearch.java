package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/** A full-text search of the products: words of {@code text} against name (first) and description. */
public record ProductSearch(String text, ProductFilter filter) {
    public static final int TEXT_MAX_LENGTH = 200;

    public ProductSearch {
        if (text == null || text.isBlank()) {
            throw new InvariantViolationException("q", "q must not be blank");
        }
        text = text.strip();
        if (text.length() > TEXT_MAX_LENGTH) {
            throw new InvariantViolationException("q", "q must be at most " + TEXT_MAX_LENGTH + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvariantViolationException("q", "q must not contain NUL characters");
        }
        Objects.requireNonNull(filter, "filter");
    }
}
