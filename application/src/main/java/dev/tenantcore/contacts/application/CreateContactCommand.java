package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.domain.Text;
import java.util.Objects;

/**
 * A new contact for the caller's organization, entered by hand. Null means absent for everything but the name; the
 * phone number is as the person typed it (the service normalises it), the rest is checked by {@link Contact}.
 */
public record CreateContactCommand(
        String name,
        String email,
        String phone,
        String role,
        String company,
        DepartmentId departmentId,
        ProductionId productionId,
        String notes,
        JsonFields customFields) {

    public CreateContactCommand {
        name = Text.required("name", name, Contact.NAME_MAX_LENGTH);
        customFields = Objects.requireNonNullElse(customFields, JsonFields.EMPTY);
    }
}
