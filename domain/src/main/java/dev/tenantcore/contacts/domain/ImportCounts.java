package dev.tenantcore.contacts.domain;

/** What an import did with its rows so far (or, in a dry run, would have done). */
public record ImportCounts(int created, int updated, int skipped, int failed, int needsReview) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

    public ImportCounts {
        if (created < 0 || updated < 0 || skipped < 0 || failed < 0 || needsReview < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(created + other.created, updated + other.updated, skipped + other.skipped,
                failed + other.failed, needsReview + other.needsReview);
    }

    public int rows() {
        return created + updated + skipped + failed + needsReview;
    }
}
