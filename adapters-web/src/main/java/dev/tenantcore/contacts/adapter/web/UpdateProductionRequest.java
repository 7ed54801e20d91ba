package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and "null" (clear) stay apart; the domain then checks the new values.
 */
@Serdeable
@Schema(name = "UpdateProductionRequest", description = "Only the properties present are changed; null clears a "
        + "date and empties metadata")
public final class UpdateProductionRequest {
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> code = FieldChange.unchanged();
    private FieldChange<String> status = FieldChange.unchanged();
    private FieldChange<LocalDate> startDate = FieldChange.unchanged();
    private FieldChange<LocalDate> endDate = FieldChange.unchanged();
    private FieldChange<JsonNode> metadata = FieldChange.unchanged();

    @Schema(maxLength = 200, minLength = 1, example = "The Longest Night")
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    @Schema(maxLength = 50, minLength = 1, example = "TLN-2027")
    public void setCode(@Nullable String code) {
        this.code = FieldChange.to(code);
    }

    @Schema(allowableValues = {"development", "pre_production", "shooting", "wrap"}, example = "shooting")
    public void setStatus(@Nullable String status) {
        this.status = FieldChange.to(status);
    }

    @Schema(nullable = true, example = "2027-03-01")
    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = FieldChange.to(startDate);
    }

    @Schema(nullable = true, example = "2027-05-28")
    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = FieldChange.to(endDate);
    }

    @Schema(type = "object", nullable = true, description = "Replaced whole; null empties it")
    public void setMetadata(@Nullable JsonNode metadata) {
        this.metadata = FieldChange.to(metadata == null || metadata.isNull() ? null : metadata);
    }

    FieldChange<String> name() {
        return name;
    }

    FieldChange<String> code() {
        return code;
    }

    FieldChange<String> status() {
        return status;
    }

    FieldChange<LocalDate> startDate() {
        return startDate;
    }

    FieldChange<LocalDate> endDate() {
        return endDate;
    }

    FieldChange<JsonNode> metadata() {
        return metadata;
    }
}
