package dev.tenantcore.shared.adapter.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parts of the HTTP contract that every operation shares, as annotations for controllers: the OpenAPI
 * processor reads them as if the {@code @ApiResponse}s they carry were written on the method (or, on a class, on
 * each of its methods). Each operation takes one success annotation ({@link Ok}, {@link OkWithETag},
 * {@link Created}, {@link CreatedAt}, {@link NoContent}), which also documents the headers of every success and the
 * 429 every operation can answer; secured controllers take {@link Authenticated} (public operations simply do not);
 * the problems an operation can answer besides are one annotation each. The problem body is {@link Problem}.
 * Creates and deletes also need {@code @Status(CREATED)} or {@code @Status(NO_CONTENT)} on the method, which
 * Micronaut does not accept on an annotation: the processor takes the success status from it.
 * {@code OpenApiContractTest} (bootstrap) checks the built document, so an operation that forgets them fails the
 * build.
 */
public final class ApiContract {
    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String REQUEST_ID_DESCRIPTION = "The request's id: the client's own when well-formed (1 to "
            + "128 of [A-Za-z0-9._:-]), otherwise one the service made. Recorded with every change the request makes.";
    public static final String RATE_LIMIT = "RateLimit";
    public static final String RATE_LIMIT_DESCRIPTION = "What is left of the caller's quota under the policy that "
            + "applies (IETF draft-ietf-httpapi-ratelimit-headers), e.g. \"default\";r=57;t=23: 57 requests left, the "
            + "window resets in 23 seconds.";
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT_POLICY_DESCRIPTION = "The quota policy that applies to the caller "
            + "(draft-ietf-httpapi-ratelimit-headers), e.g. \"default\";q=100;w=60: 100 requests per 60 seconds.";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String RETRY_AFTER_DESCRIPTION = "Seconds to wait before trying again";
    public static final String ETAG = "ETag";
    public static final String ETAG_DESCRIPTION = "The resource's version as a strong entity tag, \"<version>\": "
            + "send it back in If-Match to change or delete it only if nobody else did meanwhile.";
    public static final String LOCATION = "Location";
    public static final String LOCATION_DESCRIPTION = "Where the new resource can be read";

    private ApiContract() {
    }

    /** 200 with the body the method returns. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "200", description = "OK", headers = {
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @TooManyRequests
    public @interface Ok {
    }

    /** 200 with the body the method returns, one resource, and its ETag. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "200", description = "OK", headers = {
            @Header(name = ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @TooManyRequests
    public @interface OkWithETag {
    }

    /** 201 with the new resource, its ETag and no Location (it cannot be read on its own). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @TooManyRequests
    public @interface Created {
    }

    /** 201 with the new resource, its Location and its ETag. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = LOCATION, description = LOCATION_DESCRIPTION, required = true,
                    schema = @Schema(type = "string", format = "uri-reference")),
            @Header(name = ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @TooManyRequests
    public @interface CreatedAt {
    }

    /**
     * 204, no body. Its methods also declare {@code @Produces({APPLICATION_JSON, APPLICATION_JSON_PROBLEM})}
     * (Micronaut does not take {@code @Produces} from an annotation): problem+json is the only body such an
     * operation documents, so a client that accepts only that (generated clients do) must not get 406.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "204", description = "Done; no content", headers = {
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @TooManyRequests
    public @interface NoContent {
    }

    /** Needs a credential ("Authorization: Bearer ..."): 401 without a valid one, 403 when it lacks a permission. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @SecurityRequirement(name = "apiKey")
    @Unauthorized
    @Forbidden
    public @interface Authenticated {
    }

    /** 401: no valid credential; missing, malformed, unknown, revoked, expired and tampered tokens alike. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "No valid credential: missing, malformed, unknown, revoked, "
            + "expired or tampered, all alike", headers = {
            @Header(name = "WWW-Authenticate", description = "Bearer", schema = @Schema(type = "string")),
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string"))},
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthorized {
    }

    /** 403: the credential may not do this; before anything is looked up, so it never tells what exists. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "Forbidden: the credential's roles lack the permission this "
            + "needs, or this needs another kind of credential (see the operation's description)",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Forbidden {
    }

    /** 400: malformed JSON, a value of the wrong JSON type, an unparsable id, instant, number or cursor. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "Malformed request: bad JSON, a wrong JSON type, an unparsable "
            + "id, instant, number or cursor. Nothing was written.",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** 404: another organization's id, a deleted id and a random id alike. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "Not found: another organization's id, a deleted id and a "
            + "random id alike",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** 409: the request conflicts with the current state; the operation's description says when. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (see the operation's "
            + "description). Nothing was written.",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Conflict {
    }

    /** 412: If-Match named no current version. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "412", description = "If-Match names no current version: someone changed it "
            + "meanwhile. Nothing was written.",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface PreconditionFailed {
    }

    /** 422: well-formed but invalid values; errors[] names each field at fault. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "422", description = "Well-formed but invalid: errors names each field at fault. "
            + "Nothing was written.",
            headers = @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface UnprocessableContent {
    }

    /** 429: over a rate limit or the login throttle; every operation can answer it (part of each success type). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "429", description = "Too many requests: over the caller's rate limit, or the login "
            + "throttle after repeated failures. Try again after Retry-After seconds.", headers = {
            @Header(name = RETRY_AFTER, description = RETRY_AFTER_DESCRIPTION, required = true,
                    schema = @Schema(type = "integer", minimum = "0")),
            @Header(name = RATE_LIMIT, description = RATE_LIMIT_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = RATE_LIMIT_POLICY, description = RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = REQUEST_ID, description = REQUEST_ID_DESCRIPTION, schema = @Schema(type = "string"))},
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface TooManyRequests {
    }
}
