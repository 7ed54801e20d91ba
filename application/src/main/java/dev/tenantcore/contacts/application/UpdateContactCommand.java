package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A partial update: only the fields that are a {@link FieldChange#to change} are touched; a change to null clears
 * an optional field (custom fields become {}), and the name cannot be cleared.
 */
public record UpdateContactCommand(
        ContactId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> name,
        FieldChange<String> email,
        FieldChange<String> phone,
        FieldChange<String> role,
        FieldChange<String> company,
        FieldChange<DepartmentId> departmentId,
        FieldChange<ProductionId> productionId,
        FieldChange<String> notes,
        FieldChange<JsonFields> customFields) {

    public UpdateContactCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Stream.of(name, email, phone, role, company, departmentId, productionId, notes, customFields)
                .forEach(change -> Objects.requireNonNull(change, "every field's change"));
        if (name instanceof FieldChange.SetTo<String>(String value) && value == null) {
            throw new InvariantViolationException("name", "name must not be blank");
        }
    }

    public boolean changesAnything() {
        return Stream.of(name, email, phone, role, company, departmentId, productionId, notes, customFields)
                .anyMatch(FieldChange::isChange);
    }
}
