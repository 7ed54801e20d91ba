package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Permission;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** A partial update of a custom role: only the fields that are a {@link FieldChange#to change} are touched. */
public record UpdateRoleCommand(
        RoleId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> name,
        FieldChange<String> description,
        FieldChange<Set<Permission>> permissions) {

    public UpdateRoleCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(permissions, "permissions");
        if (permissions instanceof FieldChange.SetTo<Set<Permission>>(Set<Permission> value)) {
            if (value == null) {
                throw new InvariantViolationException("permissions",
                        "permissions must be a list of permission codes, not null");
            }
            permissions = FieldChange.to(Set.copyOf(value));
        }
    }

    public boolean changesAnything() {
        return Stream.of(name, description, permissions).anyMatch(FieldChange::isChange);
    }
}
