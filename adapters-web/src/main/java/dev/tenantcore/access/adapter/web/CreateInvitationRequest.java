package dev.tenantcore.access.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

@Serdeable
@Schema(name = "CreateInvitationRequest")
public record CreateInvitationRequest(
        @NotBlank @Size(max = 254) @Schema(example = "grace@acme.example") String email,
        @NotEmpty @Size(max = 20) @Schema(description = "Names of the roles the member will hold",
                example = "[\"member\"]") List<String> roles,
        @Nullable @Min(1) @Max(30) @Schema(description = "Days until the invitation expires: 1 to 30, default 7")
        Integer expiresInDays) {
}
