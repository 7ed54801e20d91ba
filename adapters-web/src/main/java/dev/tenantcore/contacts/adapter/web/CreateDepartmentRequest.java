package dev.tenantcore.contacts.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "CreateDepartmentRequest")
public record CreateDepartmentRequest(
        @NotBlank @Size(max = 100) @Schema(description = "Unique within the organization, ignoring case",
                example = "Visual Effects") String name) {
}
