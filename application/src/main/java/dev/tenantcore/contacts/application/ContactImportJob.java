package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ImportFiles;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRepository;
import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobRun;
import dev.tenantcore.jobs.application.JobStep;
import dev.tenantcore.shared.domain.InvariantViolationException;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Reads an import's file, one chunk of rows per step. A step locks the import, reads the rows after its cursor,
 * writes their contacts (batched) and error lines, and moves the cursor and counts on: all in the step's one
 * transaction, so a step interrupted anywhere leaves nothing and the next attempt does the same chunk again, and a
 * cancellation (which takes the same lock) falls between two chunks. Once the import has ended, one more step
 * deletes its file: after the commit that ended it, never before.
 */
@Singleton
final class ContactImportJob implements JobHandler {
    static final String TYPE = "contacts.import";

    private final ImportRepository imports;
    private final ImportFiles files;
    private final ContactSheets sheets;
    // Resolved at the first step, not with the handler: the worker builds every handler when it starts, also in a
    // context of the persistence adapters alone (that module's tests), where the phone numbers' parser (the web
    // adapter's) does not exist.
    private final Provider<ImportChunks> chunks;
    private final ImportSettings settings;
    private final Clock clock;

    ContactImportJob(ImportRepository imports, ImportFiles files, ContactSheets sheets, Provider<ImportChunks> chunks,
            ImportSettings settings, Clock clock) {
        this.imports = imports;
        this.files = files;
        this.sheets = sheets;
        this.chunks = chunks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobStep step(JobRun run) {
        var organizationId = run.organizationId();
        var id = new ImportId(run.jobId().value());
        var current = imports.lock(organizationId, id).orElse(null);
        if (current == null) {
            return JobStep.FINISHED;
        }
        if (current.status().finished()) {
            files.delete(organizationId, id);
            return JobStep.FINISHED;
        }
        // A dry run writes nothing a later chunk could see: it reads the file in one step, so that it finds the
        // duplicates within the file as the real import would.
        var chunkSize = current.dryRun() ? Math.max(1, current.rowsTotal()) : settings.chunkSize();
        List<ContactSheets.SheetRow> rows;
        try (var file = files.open(organizationId, id)) {
            rows = sheets.rows(file, current.rowsDone(), chunkSize);
        } catch (InvariantViolationException e) {
            imports.update(current.failed("the file could not be read: " + e.getMessage(), clock.instant()));
            return JobStep.CONTINUES;
        } catch (IllegalStateException | IOException | UncheckedIOException e) {
            imports.update(current.failed("the uploaded file is no longer available", clock.instant()));
            return JobStep.CONTINUES;
        }
        if (rows.isEmpty() && current.rowsDone() < current.rowsTotal()) {
            imports.update(current.failed("the file ended after " + current.rowsDone() + " of "
                    + current.rowsTotal() + " rows", clock.instant()));
            return JobStep.CONTINUES;
        }
        var outcome = chunks.get().importRows(current, rows);
        imports.addErrors(organizationId, id, outcome.errors());
        imports.update(current.advanced(rows.size(), outcome.counts(), clock.instant()));
        return JobStep.CONTINUES;
    }
}
