package dev.tenantcore.access.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A partial update of a custom role. A setter runs only for a property present in the body, so "absent" (leave as
 * is) and "null" (clear the description; refused for the others) stay apart; the domain checks the values.
 */
@Serdeable
@Schema(name = "UpdateRoleRequest", description = "Only the properties present are changed; null clears description")
public final class UpdateRoleRequest {
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> description = FieldChange.unchanged();
    private FieldChange<List<String>> permissions = FieldChange.unchanged();

    @Schema(pattern = "^[a-z0-9][a-z0-9_-]{0,62}$")
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    @Schema(maxLength = 500, nullable = true)
    public void setDescription(@Nullable String description) {
        this.description = FieldChange.to(description);
    }

    @Schema(description = "Permission codes, replacing the current ones")
    public void setPermissions(@Nullable List<String> permissions) {
        this.permissions = FieldChange.to(permissions);
    }

    FieldChange<String> name() {
        return name;
    }

    FieldChange<String> description() {
        return description;
    }

    FieldChange<List<String>> permissions() {
        return permissions;
    }
}
