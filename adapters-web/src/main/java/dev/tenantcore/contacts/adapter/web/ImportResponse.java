package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Serdeable
@Schema(name = "Import")
public record ImportResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5b") UUID id,
        @Schema(example = "crew.csv") String fileName,
        @Schema(example = "20480") long sizeBytes,
        @Nullable @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5a") UUID productionId,
        @Schema(allowableValues = {"skip", "update", "create"}, example = "skip") String duplicatePolicy,
        @Schema(description = "true: the counts say what the import would do; it writes no contacts",
                example = "false") boolean dryRun,
        @Schema(description = "Contact field to the column header that fills it, as given or detected",
                example = "{\"name\": \"Full Name\", \"email\": \"E-mail\"}") Map<String, String> mapping,
        @Schema(allowableValues = {"pending", "processing", "completed", "failed", "cancelled"},
                example = "processing") String status,
        @Schema(description = "Data rows in the file", example = "1200") int rowsTotal,
        @Schema(description = "Rows done so far", example = "400") int rowsDone,
        @Schema(example = "380") int created,
        @Schema(example = "10") int updated,
        @Schema(example = "5") int skipped,
        @Schema(description = "Rows refused: see errors.csv", example = "5") int failed,
        @Schema(example = "0") int needsReview,
        @Nullable @Schema(description = "Why the import failed", example = "the file could not be read") String error,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:05Z") Instant updatedAt,
        @Nullable @Schema(example = "2026-11-20T09:31:00Z") Instant finishedAt) {
}
