package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;

/** Test data: an {@link UpdateContactCommand} that changes only the fields named, at any version by default. */
final class ContactChange {
    private final ContactId id;
    private ExpectedVersion expectedVersion = ExpectedVersion.ANY;
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> phone = FieldChange.unchanged();
    private FieldChange<String> role = FieldChange.unchanged();

    ContactChange(ContactId id) {
        this.id = id;
    }

    ContactChange expecting(long version) {
        expectedVersion = ExpectedVersion.exactly(version);
        return this;
    }

    ContactChange name(String value) {
        name = FieldChange.to(value);
        return this;
    }

    ContactChange phone(String value) {
        phone = FieldChange.to(value);
        return this;
    }

    ContactChange role(String value) {
        role = FieldChange.to(value);
        return this;
    }

    UpdateContactCommand build() {
        return new UpdateContactCommand(id, expectedVersion, name, FieldChange.unchanged(), phone, role,
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(),
                FieldChange.unchanged());
    }
}
