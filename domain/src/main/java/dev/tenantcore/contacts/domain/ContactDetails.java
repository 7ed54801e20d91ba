package dev.tenantcore.contacts.domain;

import java.util.Objects;

/**
 * The fields of a contact that people edit, in one value: a contact is made from them and revised with them.
 * {@link Contact}'s constructor checks them; null means absent for everything but the name and the custom fields.
 */
public record ContactDetails(
        String name,
        String email,
        String phone,
        String role,
        String company,
        DepartmentId departmentId,
        ProductionId productionId,
        String notes,
        JsonFields customFields) {

    public ContactDetails {
        Objects.requireNonNull(customFields, "customFields");
    }

    /** Just a name, everything else absent. */
    public static ContactDetails named(String name) {
        return new ContactDetails(name, null, null, null, null, null, null, null, JsonFields.EMPTY);
    }

    public ContactDetails withEmail(String newEmail) {
        return new ContactDetails(name, newEmail, phone, role, company, departmentId, productionId, notes,
                customFields);
    }

    public ContactDetails withProduction(ProductionId newProductionId) {
        return new ContactDetails(name, email, phone, role, company, departmentId, newProductionId, notes,
                customFields);
    }

    public ContactDetails withDepartment(DepartmentId newDepartmentId) {
        return new ContactDetails(name, email, phone, role, company, newDepartmentId, productionId, notes,
                customFields);
    }

    public ContactDetails withRoleAndCompany(String newRole, String newCompany) {
        return new ContactDetails(name, email, phone, newRole, newCompany, departmentId, productionId, notes,
                customFields);
    }

    public ContactDetails withNotes(String newNotes) {
        return new ContactDetails(name, email, phone, role, company, departmentId, productionId, newNotes,
                customFields);
    }
}
