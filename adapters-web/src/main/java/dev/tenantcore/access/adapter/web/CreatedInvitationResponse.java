package dev.tenantcore.access.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invitation just created, with its token: the only response that ever contains it. */
@Serdeable
@Schema(name = "CreatedInvitation")
public record CreatedInvitationResponse(
        UUID id,
        String email,
        List<String> roles,
        @Schema(allowableValues = {"pending"}) String status,
        Instant expiresAt,
        Instant createdAt,
        @Schema(description = "Pass it to the invited person, who accepts with POST /v1/invitations/accept. "
                + "Shown once.") String token) {
}
