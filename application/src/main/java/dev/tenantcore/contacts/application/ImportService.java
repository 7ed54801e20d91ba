package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ImportFiles;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRepository;
import dev.tenantcore.contacts.domain.ImportRowError;
import dev.tenantcore.contacts.domain.ImportStatus;
import dev.tenantcore.jobs.application.JobId;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobStatus;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Imports of contacts: the upload (checked whole before anything is stored), their progress, cancellation and error
 * reports. The reading itself is {@link ContactImportJob}'s, in the background.
 */
@Singleton
final class ImportService implements StartImportUseCase, GetImportUseCase, ListImportsUseCase, CancelImportUseCase,
        GetImportErrorsUseCase {

    private final ImportRepository imports;
    private final ImportFiles files;
    private final ContactSheets sheets;
    private final JobQueue jobs;
    private final ImportSettings settings;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ImportService(ImportRepository imports, ImportFiles files, ContactSheets sheets, JobQueue jobs,
            ImportSettings settings, TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.imports = imports;
        this.files = files;
        this.sheets = sheets;
        this.jobs = jobs;
        this.settings = settings;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public ContactImport start(StartImportCommand command) {
        currentTenant.require(ContactPermissions.IMPORTS_MANAGE);
        var organizationId = currentTenant.organizationId();
        if (command.content().length == 0) {
            throw new InvariantViolationException("file", "the file is empty");
        }
        if (command.content().length > settings.maxFileSize()) {
            throw new InvariantViolationException("file", "the file is larger than " + settings.maxFileSize()
                    + " bytes");
        }
        var sheet = sheets.inspect(command.content());
        var mapping = ColumnMappings.resolve(command.mappingOrNull(), sheet.headers());
        var stored = new ImportId[1];
        try {
            return transactions.write(organizationId, () -> {
                // The import is the job's parameters, so it takes the job's id; the job cannot start before this
                // transaction commits, by when the file is in place.
                var id = new ImportId(jobs.enqueue(organizationId, ContactImportJob.TYPE).value());
                files.store(organizationId, id, command.content());
                stored[0] = id;
                return imports.insert(ContactImport.create(id, organizationId, command.fileName(),
                        command.content().length, command.productionId(), command.duplicatePolicy(),
                        command.dryRun(), mapping, sheet.rows(), clock.instant()));
            });
        } catch (RuntimeException e) {
            if (stored[0] != null) {
                files.delete(organizationId, stored[0]);
            }
            throw e;
        }
    }

    @Override
    public ContactImport get(ImportId id) {
        currentTenant.require(ContactPermissions.IMPORTS_MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> imports.findById(organizationId, id)
                .map(found -> asTheJobLeftIt(organizationId, found)).orElseThrow(ImportService::notFound));
    }

    @Override
    public Page<ContactImport> list(PageRequest<ImportId> page) {
        currentTenant.require(ContactPermissions.IMPORTS_MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> {
            var found = imports.list(organizationId, page);
            return new Page<>(found.items().stream().map(each -> asTheJobLeftIt(organizationId, each)).toList(),
                    found.hasMore());
        });
    }

    @Override
    public ContactImport cancel(ImportId id) {
        currentTenant.require(ContactPermissions.IMPORTS_MANAGE);
        var organizationId = currentTenant.organizationId();
        var cancelled = transactions.write(organizationId, () -> {
            // Waits for the chunk under way, which holds this lock until it commits.
            var current = imports.lock(organizationId, id).map(found -> asTheJobLeftIt(organizationId, found))
                    .orElseThrow(ImportService::notFound);
            if (current.status().finished()) {
                return current;
            }
            jobs.cancel(organizationId, new JobId(id.value()));
            return imports.update(current.cancelled(clock.instant()));
        });
        if (cancelled.status() == ImportStatus.CANCELLED) {
            files.delete(organizationId, id);
        }
        return cancelled;
    }

    @Override
    public List<ImportRowError> errors(ImportId id) {
        currentTenant.require(ContactPermissions.IMPORTS_MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> {
            imports.findById(organizationId, id).orElseThrow(ImportService::notFound);
            return imports.errors(organizationId, id);
        });
    }

    /**
     * A job that failed for good (its step threw at every attempt, say the database refused a chunk) could not mark
     * its import failed: the import shows the job's end rather than "processing" forever.
     */
    private ContactImport asTheJobLeftIt(OrganizationId organizationId, ContactImport found) {
        if (found.status().finished()) {
            return found;
        }
        return jobs.find(organizationId, new JobId(found.id().value()))
                .filter(job -> job.status() == JobStatus.FAILED)
                .map(job -> found.failed("the import stopped after repeated failures: " + job.lastError(),
                        clock.instant()))
                .orElse(found);
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("import");
    }
}
