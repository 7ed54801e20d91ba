package dev.tenantcore.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "OidcCodeExchangeRequest")
public record OidcCodeExchangeRequest(
        @NotNull @Size(max = 200) @Schema(description = "The one-time code (tcx_...) the login sent the browser "
                + "back with") String code) {
    @Override
    public String toString() {
        return "OidcCodeExchangeRequest[***]";
    }
}
