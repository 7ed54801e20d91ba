package dev.tenantcore.contacts.domain;

/**
 * What an import does with a row whose email a live contact of the import's production already has (or an earlier
 * row of the same file): {@link #SKIP} it, {@link #UPDATE} that contact with the row's fields, or {@link #CREATE}
 * a new contact anyway, which the rule "one live contact per email and production" refuses: such a row is failed,
 * named in the error report, so that nothing is merged without being asked for.
 */
public enum DuplicatePolicy { SKIP, UPDATE, CREATE }
