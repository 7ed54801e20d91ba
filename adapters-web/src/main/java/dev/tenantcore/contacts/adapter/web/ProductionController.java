package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.CreateProductionCommand;
import dev.tenantcore.contacts.application.CreateProductionUseCase;
import dev.tenantcore.contacts.application.DeleteProductionUseCase;
import dev.tenantcore.contacts.application.GetProductionUseCase;
import dev.tenantcore.contacts.application.ListProductionsUseCase;
import dev.tenantcore.contacts.application.UpdateProductionCommand;
import dev.tenantcore.contacts.application.UpdateProductionUseCase;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionStatus;
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

@Controller("/v1/productions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Productions", description = "The organization's productions, whose crews are its contacts")
class ProductionController {
    private final CreateProductionUseCase createProduction;
    private final GetProductionUseCase getProduction;
    private final UpdateProductionUseCase updateProduction;
    private final DeleteProductionUseCase deleteProduction;
    private final ListProductionsUseCase listProductions;
    private final ProductionWebMapper mapper;
    private final ContactJson json;

    ProductionController(CreateProductionUseCase createProduction, GetProductionUseCase getProduction,
            UpdateProductionUseCase updateProduction, DeleteProductionUseCase deleteProduction,
            ListProductionsUseCase listProductions, ProductionWebMapper mapper, ContactJson json) {
        this.createProduction = createProduction;
        this.getProduction = getProduction;
        this.updateProduction = updateProduction;
        this.deleteProduction = deleteProduction;
        this.listProductions = listProductions;
        this.mapper = mapper;
        this.json = json;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createProduction", summary = "Create a production",
            description = "409 when another production of the organization has the code, ignoring case; status "
                    + "development when absent.")
    HttpResponse<ProductionResponse> create(@Body @Valid CreateProductionRequest request) {
        var production = createProduction.create(new CreateProductionCommand(request.name(), request.code(),
                request.status() == null ? null : ProductionStatus.fromCode(request.status()), request.startDate(),
                request.endDate(), json.toFields("metadata", request.metadata())));
        return withEntityTag(HttpResponse.created(mapper.toResponse(production),
                URI.create("/v1/productions/" + production.id())), production);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getProduction", summary = "Get a production",
            description = "The production, with its ETag.")
    HttpResponse<ProductionResponse> get(@PathVariable UUID id) {
        var production = getProduction.get(new ProductionId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(production)), production);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateProduction", summary = "Change some of a production's fields",
            description = "Only the properties present are changed; null clears a date and empties metadata. "
                    + "Honours If-Match (412 when stale).")
    HttpResponse<ProductionResponse> update(@PathVariable UUID id, @Body UpdateProductionRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var production = updateProduction.update(new UpdateProductionCommand(new ProductionId(id),
                EntityTags.ifMatch(ifMatch), request.name(), request.code(),
                request.status().map(ProductionStatus::fromCode), request.startDate(), request.endDate(),
                request.metadata().map(metadata -> json.toFields("metadata", metadata))));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(production)), production);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.Conflict
    @Operation(operationId = "deleteProduction", summary = "Delete a production",
            description = "Honours If-Match (412 when stale). 409 while contacts, in the trash too, belong to it.")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteProduction.delete(new ProductionId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listProductions", summary = "List productions, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<ProductionResponse> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new ProductionId(cursor.after());
        var page = listProductions.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, production -> production.id().value());
    }

    private static MutableHttpResponse<ProductionResponse> withEntityTag(MutableHttpResponse<ProductionResponse> response,
            Production production) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(production.version()));
    }
}
