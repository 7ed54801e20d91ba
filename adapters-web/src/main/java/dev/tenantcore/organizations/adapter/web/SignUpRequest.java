package dev.tenantcore.organizations.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "SignUpRequest")
public record SignUpRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,63}", message = "must be 3-63 characters of a-z, 0-9 and '-'")
        @Schema(example = "acme") String slug) {
}
