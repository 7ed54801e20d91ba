package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and "null" (clear) stay apart; the domain then checks the new values.
 */
@Serdeable
@Schema(name = "UpdateContactRequest", description = "Only the properties present are changed; null clears description")
public final class UpdateContactRequest {
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> description = FieldChange.unchanged();

    @Schema(maxLength = 200, minLength = 1)
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    @Schema(maxLength = 10_000, nullable = true)
    public void setDescription(@Nullable String description) {
        this.description = FieldChange.to(description);
    }

    FieldChange<String> name() {
        return name;
    }

    FieldChange<String> description() {
        return description;
    }
}
