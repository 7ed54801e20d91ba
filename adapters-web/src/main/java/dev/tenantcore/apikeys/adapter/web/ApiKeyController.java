package dev.tenantcore.apikeys.adapter.web;

import dev.tenantcore.apikeys.application.IssueApiKeyCommand;
import dev.tenantcore.apikeys.application.IssueApiKeyUseCase;
import dev.tenantcore.apikeys.application.ListApiKeysUseCase;
import dev.tenantcore.apikeys.application.RevokeApiKeyUseCase;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashSet;
import java.util.UUID;

@Controller("/v1/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "API keys")
class ApiKeyController {
    private final IssueApiKeyUseCase issue;
    private final ListApiKeysUseCase list;
    private final RevokeApiKeyUseCase revoke;
    private final ApiKeyWebMapper mapper;

    ApiKeyController(IssueApiKeyUseCase issue, ListApiKeysUseCase list, RevokeApiKeyUseCase revoke,
            ApiKeyWebMapper mapper) {
        this.issue = issue;
        this.list = list;
        this.revoke = revoke;
        this.mapper = mapper;
    }

    @Post
    @Idempotent(showsSecret = true)
    @Status(HttpStatus.CREATED)
    @ApiContract.Created
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createApiKey", summary = "Create an API key for the caller's organization",
            description = "The response holds the token; it is never shown again. The key acts with the named "
                    + "roles (member when none are named); the calling key must hold every permission they grant, "
                    + "and only an owner may create an owner key.")
    HttpResponse<CreatedApiKeyResponse> create(@Body @Valid CreateApiKeyRequest request) {
        var roles = request.roles() == null ? null : new LinkedHashSet<>(request.roles());
        var created = issue.issue(new IssueApiKeyCommand(request.name(), request.expiresAt(), roles));
        return HttpResponse.created(mapper.toCreatedResponse(created))
                .header(HttpHeaders.ETAG, EntityTags.of(created.issued().key().version()));
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listApiKeys",
            summary = "List the organization's API keys, newest first (revoked ones included)",
            description = "Never with their tokens; revoked ones included. Needs api-keys:read. Keyset "
                    + "pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<ApiKeyResponse> list(
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new ApiKeyId(cursor.after());
        var page = list.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, listed -> listed.key().id().value());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key; it stops working at once",
            description = "Honours If-Match (412 when stale). Revoking a revoked key is a no-op.")
    HttpResponse<Void> revoke(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        revoke.revoke(new ApiKeyId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }
}
