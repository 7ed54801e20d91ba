package dev.tenantcore.contacts.domain;

import java.util.Objects;

/**
 * Why one row of an import was refused: a line of its error report.
 *
 * @param row the row's line in the file, the header being line 1
 * @param field the contact field at fault, or null for the row as a whole
 * @param value what the row held there (cut to {@link #VALUE_MAX_LENGTH}), or null
 */
public record ImportRowError(int row, String field, String value, String message) {
    public static final int VALUE_MAX_LENGTH = 1000;

    public ImportRowError {
        if (row < 1) {
            throw new IllegalArgumentException("rows are numbered from 1");
        }
        Objects.requireNonNull(message, "message");
        if (value != null && value.length() > VALUE_MAX_LENGTH) {
            value = value.substring(0, VALUE_MAX_LENGTH);
        }
        if (message.length() > VALUE_MAX_LENGTH) {
            message = message.substring(0, VALUE_MAX_LENGTH);
        }
    }
}
