package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Objects;

/** A partial update: the name, if it is a {@link FieldChange#to change}; it cannot be null. */
public record UpdateDepartmentCommand(DepartmentId id, ExpectedVersion expectedVersion, FieldChange<String> name) {

    public UpdateDepartmentCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(name, "name");
        if (name instanceof FieldChange.SetTo<String>(String value) && value == null) {
            throw new InvariantViolationException("name", "name must not be blank");
        }
    }

    public boolean changesAnything() {
        return name.isChange();
    }
}
