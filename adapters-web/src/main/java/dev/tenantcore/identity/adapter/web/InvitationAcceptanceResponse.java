package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The membership an accepted invitation made, and the tokens of a login when the acceptance proved the person. */
@Serdeable
@Schema(name = "InvitationAcceptance")
public record InvitationAcceptanceResponse(
        UUID organizationId,
        UUID userId,
        List<String> roles,
        @Schema(description = "Whether the account was created by this acceptance (with the password sent) rather "
                + "than found") boolean newAccount,
        @Nullable @Schema(description = "As from POST /v1/auth/token, for this organization: present when the "
                + "account was just created, or the request carried that user's access token; otherwise log in "
                + "with the account's password") TokenResponse tokens) {
}
