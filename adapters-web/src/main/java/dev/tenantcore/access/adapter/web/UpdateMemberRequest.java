package dev.tenantcore.access.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A partial update of a membership. A setter runs only for a property present in the body, so "absent" (leave as
 * is) and "null" (refused: neither may be cleared) stay apart; the use case checks the values.
 */
@Serdeable
@Schema(name = "UpdateMemberRequest", description = "Only the properties present are changed")
public final class UpdateMemberRequest {
    private FieldChange<List<String>> roles = FieldChange.unchanged();
    private FieldChange<String> status = FieldChange.unchanged();

    @Schema(description = "Names of the roles the member holds from now on, replacing the current ones")
    public void setRoles(@Nullable List<String> roles) {
        this.roles = FieldChange.to(roles);
    }

    @Schema(allowableValues = {"active", "suspended"})
    public void setStatus(@Nullable String status) {
        this.status = FieldChange.to(status);
    }

    FieldChange<List<String>> roles() {
        return roles;
    }

    FieldChange<String> status() {
        return status;
    }
}
