package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import java.util.Objects;
import java.util.stream.Stream;

/** A partial update: only the fields that are a {@link FieldChange#to change} are touched. */
public record UpdateContactCommand(
        ContactId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> name,
        FieldChange<String> description) {

    public UpdateContactCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public boolean changesAnything() {
        return Stream.of(name, description).anyMatch(FieldChange::isChange);
    }
}
