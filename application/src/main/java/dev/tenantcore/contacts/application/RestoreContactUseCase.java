package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;

/**
 * Brings a contact back from the trash while it is still kept there; restoring a live contact changes nothing.
 * Refused with a conflict when another live contact of its production has taken its email meanwhile.
 */
public interface RestoreContactUseCase {
    Contact restore(ContactId id);
}
