package dev.tenantcore.apikeys.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Serdeable
@Schema(name = "CreateApiKeyRequest")
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Future @Schema(description = "When the key stops working; absent means never") Instant expiresAt) {
}
