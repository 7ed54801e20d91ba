package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A partial update: only the fields that are a {@link FieldChange#to change} are touched; null clears a date and
 * empties the metadata; name, code and status cannot be null.
 */
public record UpdateProductionCommand(
        ProductionId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> name,
        FieldChange<String> code,
        FieldChange<ProductionStatus> status,
        FieldChange<LocalDate> startDate,
        FieldChange<LocalDate> endDate,
        FieldChange<JsonFields> metadata) {

    public UpdateProductionCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Stream.of(name, code, status, startDate, endDate, metadata)
                .forEach(change -> Objects.requireNonNull(change, "every field's change"));
        requiredIfChanged("name", name);
        requiredIfChanged("code", code);
        requiredIfChanged("status", status);
    }

    private static void requiredIfChanged(String field, FieldChange<?> change) {
        if (change instanceof FieldChange.SetTo<?>(var value) && value == null) {
            throw new InvariantViolationException(field, field + " must not be null");
        }
    }

    public boolean changesAnything() {
        return Stream.of(name, code, status, startDate, endDate, metadata).anyMatch(FieldChange::isChange);
    }
}
