package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/**
 * A search of the live contacts: {@code text} is matched fuzzily against names (trigram similarity, so a typo or a
 * missing letter still finds the person) and by words against name, role, company and notes (full text, a word
 * matching as a prefix too), accents ignored; {@code filter} narrows the results.
 */
public record ContactSearch(String text, ContactFilter filter) {
    public static final int TEXT_MAX_LENGTH = 200;

    public ContactSearch {
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
