package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.shared.domain.Text;

/** A new department for the caller's organization. */
public record CreateDepartmentCommand(String name) {
    public CreateDepartmentCommand {
        name = Text.required("name", name, Department.NAME_MAX_LENGTH);
    }
}
