package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface DeleteContactUseCase {
    void delete(ContactId id, ExpectedVersion expectedVersion);
}
