package dev.tenantcore.shared.adapter.web;

import io.micronaut.aop.Around;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, required = false,
        description = "A key unique to this request, chosen by the client (1 to 255 printable ASCII characters, "
                + "a UUID for instance): a retry with the same key and the same request within 24 hours answers "
                + "the first response instead of writing again (see the README, \"Retrying safely\").",
        schema = @Schema(type = "string", minLength = 1, maxLength = 255))
public @interface Idempotent {
    String HEADER = "Idempotency-Key";

    /**
     * The response shows a secret once (an API key's token, an invitation's): it is not kept, and a retry is
     * answered 409 with the Location of what the first request created instead.
     */
    boolean showsSecret() default false;
}
