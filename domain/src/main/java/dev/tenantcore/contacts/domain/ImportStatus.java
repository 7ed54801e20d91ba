package dev.tenantcore.contacts.domain;

/** Where an import is: pending until its job starts, processing chunk by chunk, then one of the three ends. */
public enum ImportStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
