package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and "null" (clear) stay apart; the domain then checks the new values.
 */
@Serdeable
@Schema(name = "UpdateContactRequest", description = "Only the properties present are changed; null clears one "
        + "(customFields: empties it); name cannot be cleared")
public final class UpdateContactRequest {
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> email = FieldChange.unchanged();
    private FieldChange<String> phone = FieldChange.unchanged();
    private FieldChange<String> role = FieldChange.unchanged();
    private FieldChange<String> company = FieldChange.unchanged();
    private FieldChange<UUID> departmentId = FieldChange.unchanged();
    private FieldChange<UUID> productionId = FieldChange.unchanged();
    private FieldChange<String> notes = FieldChange.unchanged();
    private FieldChange<JsonNode> customFields = FieldChange.unchanged();

    @Schema(maxLength = 200, minLength = 1, example = "Grace B. Hopper")
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    @Schema(maxLength = 254, nullable = true, example = "grace@example.org")
    public void setEmail(@Nullable String email) {
        this.email = FieldChange.to(email);
    }

    @Schema(maxLength = 50, nullable = true, example = "+44 20 7946 0958")
    public void setPhone(@Nullable String phone) {
        this.phone = FieldChange.to(phone);
    }

    @Schema(maxLength = 200, nullable = true, example = "Best boy electric")
    public void setRole(@Nullable String role) {
        this.role = FieldChange.to(role);
    }

    @Schema(maxLength = 200, nullable = true, example = "Bright Lights Ltd")
    public void setCompany(@Nullable String company) {
        this.company = FieldChange.to(company);
    }

    @Schema(nullable = true, example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a59")
    public void setDepartmentId(@Nullable UUID departmentId) {
        this.departmentId = FieldChange.to(departmentId);
    }

    @Schema(nullable = true, example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a5a")
    public void setProductionId(@Nullable UUID productionId) {
        this.productionId = FieldChange.to(productionId);
    }

    @Schema(maxLength = 10_000, nullable = true, example = "Back from leave in June")
    public void setNotes(@Nullable String notes) {
        this.notes = FieldChange.to(notes);
    }

    @Schema(type = "object", nullable = true, description = "Replaced whole; null empties it")
    public void setCustomFields(@Nullable JsonNode customFields) {
        this.customFields = FieldChange.to(customFields == null || customFields.isNull() ? null : customFields);
    }

    FieldChange<String> name() {
        return name;
    }

    FieldChange<String> email() {
        return email;
    }

    FieldChange<String> phone() {
        return phone;
    }

    FieldChange<String> role() {
        return role;
    }

    FieldChange<String> company() {
        return company;
    }

    FieldChange<UUID> departmentId() {
        return departmentId;
    }

    FieldChange<UUID> productionId() {
        return productionId;
    }

    FieldChange<String> notes() {
        return notes;
    }

    FieldChange<JsonNode> customFields() {
        return customFields;
    }
}
