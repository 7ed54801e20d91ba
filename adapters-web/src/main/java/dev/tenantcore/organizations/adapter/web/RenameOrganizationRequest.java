package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "UpdateOrganizationRequest")
public record RenameOrganizationRequest(@NotBlank @Size(max = 200) String name) {
}
