package dev.tenantcore.shared.adapter.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "What kind of problem: a URI naming it", example = TYPE_EXAMPLE,
                requiredMode = REQUIRED) String type,
        @Schema(description = "The HTTP reason phrase", example = "Unprocessable Entity", requiredMode = REQUIRED)
        String title,
        @Schema(description = "The HTTP status", example = "422", requiredMode = REQUIRED) int status,
        @Schema(description = "What went wrong, for people", example = "must not be blank", requiredMode = REQUIRED)
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        @Schema(description = "RFC 9457's optional URI of this occurrence; not sent today") String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        @Schema(description = "Each input at fault, when specific inputs are wrong; absent otherwise")
        List<FieldError> errors) {

    static final String TYPE_EXAMPLE = "https://tenantcore.dev/problems/validation-failed";

    /** One invalid input: the request field, query parameter or path variable, and what is wrong with it. */
    @Serdeable
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "The request field, query parameter or path variable", example = "title")
            String field,
            @Schema(example = "must not be blank") String message) {
    }
}
