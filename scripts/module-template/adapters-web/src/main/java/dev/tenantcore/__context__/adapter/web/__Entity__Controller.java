package dev.tenantcore.__context__.adapter.web;

import dev.tenantcore.__context__.application.Create__Entity__Command;
import dev.tenantcore.__context__.application.Create__Entity__UseCase;
import dev.tenantcore.__context__.application.Delete__Entity__UseCase;
import dev.tenantcore.__context__.application.Get__Entity__UseCase;
import dev.tenantcore.__context__.application.List__Entities__UseCase;
import dev.tenantcore.__context__.application.Update__Entity__Command;
import dev.tenantcore.__context__.application.Update__Entity__UseCase;
import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
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
import java.net.URI;
import java.util.UUID;

@Controller("/v1/__context__")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "__Context__", description = "The organization's __entity_words_plural__")
class __Entity__Controller {
    private final Create__Entity__UseCase create__Entity__;
    private final Get__Entity__UseCase get__Entity__;
    private final Update__Entity__UseCase update__Entity__;
    private final Delete__Entity__UseCase delete__Entity__;
    private final List__Entities__UseCase list__Entities__;
    private final __Entity__WebMapper mapper;

    __Entity__Controller(Create__Entity__UseCase create__Entity__, Get__Entity__UseCase get__Entity__,
            Update__Entity__UseCase update__Entity__, Delete__Entity__UseCase delete__Entity__,
            List__Entities__UseCase list__Entities__, __Entity__WebMapper mapper) {
        this.create__Entity__ = create__Entity__;
        this.get__Entity__ = get__Entity__;
        this.update__Entity__ = update__Entity__;
        this.delete__Entity__ = delete__Entity__;
        this.list__Entities__ = list__Entities__;
        this.mapper = mapper;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "create__Entity__", summary = "Create __a__ __entity_words__")
    HttpResponse<__Entity__Response> create(@Body @Valid Create__Entity__Request request) {
        var __entity__ = create__Entity__.create(new Create__Entity__Command(request.name(), request.description()));
        return withEntityTag(HttpResponse.created(mapper.toResponse(__entity__),
                URI.create("/v1/__context__/" + __entity__.id())), __entity__);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "get__Entity__", summary = "Get __a__ __entity_words__")
    HttpResponse<__Entity__Response> get(@PathVariable UUID id) {
        var __entity__ = get__Entity__.get(new __Entity__Id(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(__entity__)), __entity__);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "update__Entity__", summary = "Change some of __a__ __entity_words__'s fields",
            description = "Only the properties present are changed; null clears description. Honours If-Match (412 "
                    + "when stale).")
    HttpResponse<__Entity__Response> update(@PathVariable UUID id, @Body Update__Entity__Request request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var __entity__ = update__Entity__.update(new Update__Entity__Command(new __Entity__Id(id),
                EntityTags.ifMatch(ifMatch), request.name(), request.description()));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(__entity__)), __entity__);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "delete__Entity__", summary = "Delete __a__ __entity_words__",
            description = "Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        delete__Entity__.delete(new __Entity__Id(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "list__Entities__", summary = "List __entity_words_plural__, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<__Entity__Response> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new __Entity__Id(cursor.after());
        var page = list__Entities__.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, __entity__ -> __entity__.id().value());
    }

    private static MutableHttpResponse<__Entity__Response> withEntityTag(MutableHttpResponse<__Entity__Response> response,
            __Entity__ __entity__) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(__entity__.version()));
    }
}
