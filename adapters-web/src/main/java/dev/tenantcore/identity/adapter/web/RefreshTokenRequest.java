package dev.tenantcore.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "RefreshTokenRequest")
public record RefreshTokenRequest(@NotNull @Size(max = 200) String refreshToken) {
    @Override
    public String toString() {
        return "RefreshTokenRequest[***]";
    }
}
