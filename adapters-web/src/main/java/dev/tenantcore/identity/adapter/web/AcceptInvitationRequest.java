package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "AcceptInvitationRequest")
public record AcceptInvitationRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The invitation's token (tci_...)") String token,
        @Nullable @Schema(description = "Required without an access token: the password of the account with the "
                + "invited address, or, when no account has it, the new account's password (12 to 256 characters)")
        String password,
        @Nullable @Schema(description = "Only when no account has the invited address: the new account's name",
                example = "Grace Hopper") String displayName) {
    @Override
    public String toString() {
        return "AcceptInvitationRequest[***, ***, " + displayName + "]";
    }
}
