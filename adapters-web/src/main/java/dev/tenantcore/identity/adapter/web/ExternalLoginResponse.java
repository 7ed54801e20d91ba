package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "ExternalLogin", description = "A link between the account and a subject at an OpenID Connect provider")
public record ExternalLoginResponse(
        UUID id,
        @Schema(description = "The provider's configured name", example = "google") String provider,
        @Schema(description = "The provider's identifier of the person (the ID token's sub)") String subject,
        @Nullable @Schema(description = "The address the provider gave when the link was made") String emailAtProvider,
        Instant linkedAt) {
}
