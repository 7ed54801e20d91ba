package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Checked by the use case, which names the field at fault (422). Never printed with its values. */
@Serdeable
@Schema(name = "ChangePasswordRequest")
public record ChangePasswordRequest(
        @Nullable String currentPassword,
        @Nullable @Schema(description = "12 to 256 characters") String newPassword) {
    @Override
    public String toString() {
        return "ChangePasswordRequest[***, ***]";
    }
}
