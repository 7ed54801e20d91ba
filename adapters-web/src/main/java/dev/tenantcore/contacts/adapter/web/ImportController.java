package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.CancelImportUseCase;
import dev.tenantcore.contacts.application.GetImportErrorsUseCase;
import dev.tenantcore.contacts.application.GetImportUseCase;
import dev.tenantcore.contacts.application.ListImportsUseCase;
import dev.tenantcore.contacts.application.StartImportCommand;
import dev.tenantcore.contacts.application.StartImportUseCase;
import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRowError;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;

@Controller("/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Imports", description = "Contacts imported from CSV files, in the background: upload a file, follow "
        + "its progress, read the rows it refused.")
class ImportController {
    static final String CSV = "text/csv";
    /** What a spreadsheet would read as a formula (OWASP "CSV injection"): such cells are written behind a '. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Argument<Map<String, String>> MAPPING = Argument.mapOf(String.class, String.class);

    private final StartImportUseCase startImport;
    private final GetImportUseCase getImport;
    private final ListImportsUseCase listImports;
    private final CancelImportUseCase cancelImport;
    private final GetImportErrorsUseCase importErrors;
    private final JsonMapper json;

    ImportController(StartImportUseCase startImport, GetImportUseCase getImport, ListImportsUseCase listImports,
            CancelImportUseCase cancelImport, GetImportErrorsUseCase importErrors, JsonMapper json) {
        this.startImport = startImport;
        this.getImport = getImport;
        this.listImports = listImports;
        this.cancelImport = cancelImport;
        this.importErrors = importErrors;
        this.json = json;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @ApiResponse(responseCode = "413", description = "The file is larger than tenantcore.imports.max-file-size",
            content = @Content(mediaType = ApiContract.PROBLEM_JSON,
                    schema = @Schema(implementation = dev.tenantcore.shared.adapter.web.Problem.class)))
    @Operation(operationId = "startImport", summary = "Upload a CSV file of contacts to import",
            description = "multipart/form-data: file (UTF-8 CSV, with or without a byte order mark; comma, "
                    + "semicolon, tab or pipe separated; the first row names the columns), and optionally mapping "
                    + "(a JSON object from contact field — name, firstName, lastName, email, phone, role, company, "
                    + "department, notes — to a column header; detected from the headers when absent), "
                    + "productionId, duplicatePolicy (skip, update or create, for a row whose email a live "
                    + "contact of the production has; skip by default) and dryRun (true: count, write no "
                    + "contacts). The whole file is checked before anything is stored: a file that is not UTF-8 "
                    + "CSV, or a mapping naming a column the file lacks, is a 422. The import then runs in the "
                    + "background: follow it at its Location. Rows with an invalid email or phone are refused one "
                    + "by one (see errors.csv), not the import.")
    HttpResponse<ImportResponse> start(@Part("file") CompletedFileUpload file,
            @Nullable @Part("mapping") String mapping,
            @Nullable @Part("productionId") String productionId,
            @Nullable @Part("duplicatePolicy") String duplicatePolicy,
            @Nullable @Part("dryRun") String dryRun) throws IOException {
        var started = startImport.start(new StartImportCommand(file.getFilename(), file.getBytes(), mapping(mapping),
                productionId(productionId), duplicatePolicy(duplicatePolicy), dryRun(dryRun)));
        return HttpResponse.created(toResponse(started), URI.create("/v1/imports/" + started.id()));
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listImports", summary = "List imports, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<ImportResponse> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var page = listImports.list(new PageRequest<>(cursor == null ? null : new ImportId(cursor.after()), limit));
        return PageResponse.of(page, ImportController::toResponse, found -> found.id().value());
    }

    @Get("/{id}")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getImport", summary = "Get an import: its status, progress and counts",
            description = "status: pending, processing (rowsDone of rowsTotal so far), then completed, failed (error "
                    + "says why) or cancelled. The counts say what became of the rows done: created, updated, "
                    + "skipped (a duplicate under the skip policy), failed (see errors.csv) and needsReview.")
    ImportResponse get(@PathVariable UUID id) {
        return toResponse(getImport.get(new ImportId(id)));
    }

    @Post("/{id}/cancel")
    @Idempotent
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "cancelImport", summary = "Cancel an import",
            description = "It stops after the chunk of rows under way; the contacts of the chunks done stay. An "
                    + "import that has already ended is returned as it is: its status says how it ended.")
    ImportResponse cancel(@PathVariable UUID id) {
        return toResponse(cancelImport.cancel(new ImportId(id)));
    }

    @Get(value = "/{id}/errors.csv", produces = CSV)
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.TooManyRequests
    @Operation(operationId = "getImportErrors", summary = "The rows an import refused, as CSV",
            description = "Columns row (the line in the file, the header being 1), field, value and message. "
                    + "Cells that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a "
                    + "carriage return) are written behind an apostrophe.")
    @ApiResponse(responseCode = "200", description = "The error report", headers = {
            @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT_POLICY, description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))},
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    HttpResponse<String> errors(@PathVariable UUID id) {
        var report = csv(importErrors.errors(new ImportId(id)));
        return HttpResponse.ok(report).contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
    }

    static String csv(List<ImportRowError> errors) {
        var out = new StringWriter();
        try (var printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
            printer.printRecord("row", "field", "value", "message");
            for (var error : errors) {
                printer.printRecord(error.row(), safe(error.field()), safe(error.value()), safe(error.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private Map<String, String> mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        try {
            var parsed = json.readValue(mapping, MAPPING);
            if (parsed == null) {
                throw new IOException("null");
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw new InvariantViolationException("mapping", "mapping must be a JSON object of contact field to "
                    + "column header, such as {\"email\": \"E-mail\"}");
        }
    }

    private static ProductionId productionId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new ProductionId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvariantViolationException("productionId", "productionId must be a UUID");
        }
    }

    private static DuplicatePolicy duplicatePolicy(String value) {
        if (value == null || value.isBlank()) {
            return DuplicatePolicy.SKIP;
        }
        return switch (value.strip()) {
            case "skip" -> DuplicatePolicy.SKIP;
            case "update" -> DuplicatePolicy.UPDATE;
            case "create" -> DuplicatePolicy.CREATE;
            default -> throw new InvariantViolationException("duplicatePolicy",
                    "duplicatePolicy must be skip, update or create");
        };
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvariantViolationException("dryRun", "dryRun must be true or false");
        };
    }

    static ImportResponse toResponse(ContactImport found) {
        var mapping = new java.util.LinkedHashMap<String, String>();
        for (var field : dev.tenantcore.contacts.domain.ContactField.values()) {
            if (found.mapping().containsKey(field)) {
                mapping.put(field.key(), found.mapping().get(field));
            }
        }
        var counts = found.counts();
        return new ImportResponse(found.id().value(), found.fileName(), found.sizeBytes(),
                found.productionId() == null ? null : found.productionId().value(),
                found.duplicatePolicy().name().toLowerCase(Locale.ROOT), found.dryRun(), mapping,
                found.status().name().toLowerCase(Locale.ROOT), found.rowsTotal(), found.rowsDone(), counts.created(),
                counts.updated(), counts.skipped(), counts.failed(), counts.needsReview(), found.error(),
                found.createdAt(), found.updatedAt(), found.finishedAt());
    }
}
