package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.domain.ExpectedVersion;

/** Moves a live contact to the trash; from then on it is not found, except in the trash and by its restore. */
public interface DeleteContactUseCase {
    void delete(ContactId id, ExpectedVersion expectedVersion);
}
