package dev.tenantcore.organizations.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "SignUpRequest")
public record SignUpRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Acme Inc") String name,
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,63}", message = "must be 3-63 characters of a-z, 0-9 and '-'")
        @Schema(example = "acme") String slug,
        @Nullable @Valid @Schema(description = "The first owner, a new account. Leave it out when signed in "
                + "(you become the owner); without it and anonymous, the organization starts with its API key alone.")
        Owner owner) {

    @Serdeable
    @Schema(name = "SignUpOwner")
    public record Owner(
            @NotBlank @Size(max = 254) @Schema(example = "ada@acme.example") String email,
            @NotNull @Size(min = 12, max = 256) @Schema(description = "12 to 256 characters",
                    example = "correct horse battery staple") String password,
            @NotBlank @Size(max = 200) @Schema(example = "Ada Lovelace") String displayName) {
        @Override
        public String toString() {
            return "Owner[" + email + ", ***, " + displayName + "]";
        }
    }
}
