package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.shared.domain.Text;

/** A new contact for the caller's organization; a null description means none. */
public record CreateContactCommand(String name, String descriptionOrNull) {
    public CreateContactCommand {
        name = Text.required("name", name, Contact.NAME_MAX_LENGTH);
        descriptionOrNull = Text.optional("description", descriptionOrNull, Contact.DESCRIPTION_MAX_LENGTH);
    }
}
