package dev.tenantcore.contacts.application;

/**
 * {@code tenantcore.imports.*}: the largest file an import takes, and how many rows a job step handles in one
 * transaction (a chunk: big enough for batched statements, small enough that other organizations' jobs take turns).
 */
public record ImportSettings(long maxFileSize, int chunkSize) {
    public ImportSettings {
        if (maxFileSize < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("the import limits must be positive");
        }
    }
}
