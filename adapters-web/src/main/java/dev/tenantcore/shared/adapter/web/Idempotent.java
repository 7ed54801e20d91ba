package dev.tenantcore.shared.adapter.web;

import io.micronaut.aop.Around;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that honours the {@value #HEADER} header (IETF draft "The Idempotency-Key HTTP Header Field"): sent again
 * with the same key and the same request within a day, it answers the first response (status, body, Location,
 * ETag) and writes nothing; with the same key and another request, 422; while the first is still running, 409.
 * Every POST of a tenant's resources carries it ({@code IdempotencyApiTest} checks that none is forgotten).
 * Put it on the controller method, beside its other contract annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
// micronaut-openapi drops the schema of a method-level @Parameter: the parameter is written out once, in
// src/main/openapi/contract.yml, and referred to here.
@Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, ref = "#/components/parameters/IdempotencyKey")
@ApiResponse(responseCode = "409", description = "Conflicts with the current state (see the operation's "
        + "description), or a request with the same Idempotency-Key is still running (retry after Retry-After "
        + "seconds), or it succeeded already and its response showed a secret, which is not kept. Nothing was "
        + "written.",
        headers = {
                @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                        schema = @Schema(type = "string")),
                @Header(name = ApiContract.RETRY_AFTER, description = ApiContract.RETRY_AFTER_DESCRIPTION,
                        schema = @Schema(type = "integer", minimum = "0"))},
        content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "400", description = "Malformed request: bad JSON, a wrong JSON type, an unparsable id, "
        + "instant, number or cursor, or a malformed Idempotency-Key. Nothing was written.",
        headers = @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                schema = @Schema(type = "string")),
        content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "422", description = "Well-formed but invalid (errors names each field at fault), or "
        + "the Idempotency-Key was used for another request. Nothing was written.",
        headers = @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                schema = @Schema(type = "string")),
        content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public @interface Idempotent {
    String HEADER = "Idempotency-Key";

    /**
     * The response shows a secret once (an API key's token, an invitation's): it is not kept, and a retry is
     * answered 409 with the Location of what the first request created instead.
     */
    boolean showsSecret() default false;
}
