package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.Problem;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** 503: the OpenID Connect provider the operation needs cannot be reached; the problem names it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(responseCode = "503", description = "The provider cannot be reached at the moment (or answers nothing "
        + "usable): try again after Retry-After seconds.", headers = {
        @Header(name = "Retry-After", description = "Seconds until the service asks the provider again",
                required = true, schema = @Schema(type = "integer", minimum = "1")),
        @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@interface ProviderUnavailable {
}
