package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Deliberately without bean validation: any malformed login must get the same 401 after the same work as a
 * wrong password, which the use case ensures.
 */
@Serdeable
@Schema(name = "TokenRequest")
public record TokenRequest(
        @Nullable @Schema(example = "ada@acme.example") String email,
        @Nullable String password,
        @Nullable @Schema(description = "The organization's slug or id", example = "acme") String organization) {
    @Override
    public String toString() {
        return "TokenRequest[" + email + ", ***, " + organization + "]";
    }
}
