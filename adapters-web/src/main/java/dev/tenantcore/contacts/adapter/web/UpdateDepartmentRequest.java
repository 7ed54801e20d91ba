package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A partial update: a setter runs only for a property present in the body; the domain then checks the value. */
@Serdeable
@Schema(name = "UpdateDepartmentRequest", description = "Only the properties present are changed")
public final class UpdateDepartmentRequest {
    private FieldChange<String> name = FieldChange.unchanged();

    @Schema(maxLength = 100, minLength = 1, example = "VFX")
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    FieldChange<String> name() {
        return name;
    }
}
