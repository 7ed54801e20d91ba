package dev.tenantcore.apikeys.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

@Serdeable
@Schema(name = "CreateApiKeyRequest")
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Future @Schema(description = "When the key stops working; absent means never") Instant expiresAt,
        @Nullable @Schema(description = "Names of the roles the key acts with; absent means [\"member\"]. Only "
                + "roles whose permissions the calling key holds itself, and owner only from an owner.")
        List<String> roles) {
}
