package dev.tenantcore.shared.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    /** One invalid input: the request field, query parameter or path variable, and what is wrong with it. */
    @Serdeable
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
