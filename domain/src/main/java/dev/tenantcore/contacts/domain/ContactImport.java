package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An import of contacts from an uploaded file, read by a background job chunk by chunk. {@code rowsDone} is the
 * job's cursor: the rows before it are done (their contacts, counts and errors committed with it), the rest not
 * yet. Its id is also the id of the queue's job that reads the file. Immutable; each change returns a new value.
 *
 * @param mapping which column (by its header) fills each contact field
 * @param rowsTotal the file's data rows, counted when it was uploaded
 * @param error why the import failed, or null
 */
public record ContactImport(
        ImportId id,
        OrganizationId organizationId,
        String fileName,
        long sizeBytes,
        ProductionId productionId,
        DuplicatePolicy duplicatePolicy,
        boolean dryRun,
        Map<ContactField, String> mapping,
        ImportStatus status,
        int rowsTotal,
        int rowsDone,
        ImportCounts counts,
        String error,
        Instant finishedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int FILE_NAME_MAX_LENGTH = 255;
    public static final String UNKNOWN_PRODUCTION = Contact.UNKNOWN_PRODUCTION;

    public ContactImport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        fileName = Text.required("fileName", fileName, FILE_NAME_MAX_LENGTH);
        Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
        mapping = mapping.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(mapping));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        if (rowsDone < 0 || rowsDone > rowsTotal) {
            throw new IllegalArgumentException("rowsDone must be between 0 and rowsTotal");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static ContactImport create(ImportId id, OrganizationId organizationId, String fileName, long sizeBytes,
            ProductionId productionId, DuplicatePolicy duplicatePolicy, boolean dryRun,
            Map<ContactField, String> mapping, int rowsTotal, Instant now) {
        return new ContactImport(id, organizationId, fileName, sizeBytes, productionId,
                duplicatePolicy, dryRun, mapping, ImportStatus.PENDING, rowsTotal, 0, ImportCounts.NONE, null, null,
                1, now, now);
    }

    /** The next {@code rows} rows done, with what became of them; completed when none are left. */
    public ContactImport advanced(int rows, ImportCounts chunk, Instant now) {
        var done = rowsDone + rows;
        var ended = done >= rowsTotal;
        return new ContactImport(id, organizationId, fileName, sizeBytes, productionId, duplicatePolicy,
                dryRun, mapping, ended ? ImportStatus.COMPLETED : ImportStatus.PROCESSING, rowsTotal, done,
                counts.plus(chunk), error, ended ? now : null, version, createdAt, updatedAt);
    }

    public ContactImport failed(String reason, Instant now) {
        return ended(ImportStatus.FAILED, Objects.requireNonNull(reason, "reason"), now);
    }

    public ContactImport cancelled(Instant now) {
        return ended(ImportStatus.CANCELLED, null, now);
    }

    private ContactImport ended(ImportStatus end, String reason, Instant now) {
        if (status.finished()) {
            throw new IllegalStateException("the import has already ended");
        }
        var shortReason = reason != null && reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return new ContactImport(id, organizationId, fileName, sizeBytes, productionId, duplicatePolicy,
                dryRun, mapping, end, rowsTotal, rowsDone, counts, shortReason, now, version, createdAt, updatedAt);
    }

    public ContactSource source() {
        return ContactSource.importedBy(id.value());
    }
}
