package dev.tenantcore.audit.adapter.web;

import dev.tenantcore.audit.application.ExportAuditEventsUseCase;
import dev.tenantcore.audit.application.ListAuditEventsUseCase;
import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;

/** The organization's audit log: every recorded change, newest first, filtered, exported, or per entity. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Audit log")
class AuditEventController {
    static final String NDJSON = "application/x-ndjson";

    private final ListAuditEventsUseCase listEvents;
    private final ExportAuditEventsUseCase exportEvents;
    private final AuditEventWebMapper mapper;
    private final NdjsonStreams ndjson;
    private final Map<String, AuditedResource> auditedByCollection;

    AuditEventController(ListAuditEventsUseCase listEvents, ExportAuditEventsUseCase exportEvents,
            AuditEventWebMapper mapper, NdjsonStreams ndjson, List<AuditedResource> audited) {
        this.listEvents = listEvents;
        this.exportEvents = exportEvents;
        this.mapper = mapper;
        this.ndjson = ndjson;
        this.auditedByCollection = audited.stream()
                .collect(Collectors.toUnmodifiableMap(AuditedResource::collection, Function.identity()));
    }

    @Get("/audit-events")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listAuditEvents", summary = "List audit events, newest first",
            description = "Every change to the organization's audited data. All filters are optional; from is "
                    + "inclusive, to exclusive. Keyset pagination: pass nextCursor as cursor.")
    PageResponse<AuditEventResponse> list(
            @QueryValue @Nullable @Parameter(description = "task, api_key or organization") String entityType,
            @QueryValue @Nullable UUID entityId,
            @QueryValue @Nullable UUID actorId,
            @QueryValue @Nullable @Parameter(description = "create, update, delete, revoke") String action,
            @QueryValue @Nullable Instant from,
            @QueryValue @Nullable Instant to,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable AuditEventCursor cursor) {
        var filter = new AuditEventFilter(entityType, entityId, actorId, action, from, to);
        return page(listEvents.list(filter, pageRequest(limit, cursor)));
    }

    @Get(value = "/audit-events/export", produces = NDJSON)
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @ApiContract.TooManyRequests
    @Operation(operationId = "exportAuditEvents", summary = "Export audit events as NDJSON, oldest first",
            description = "One JSON object per line, from one consistent snapshot, streamed as it is read. Takes "
                    + "the same filters as the list.")
    @ApiResponse(responseCode = "200", description = "One AuditEvent per line", headers = {
            @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT_POLICY, description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))},
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEventResponse.class)))
    Publisher<byte[]> export(
            @QueryValue @Nullable String entityType,
            @QueryValue @Nullable UUID entityId,
            @QueryValue @Nullable UUID actorId,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable Instant from,
            @QueryValue @Nullable Instant to) {
        var filter = new AuditEventFilter(entityType, entityId, actorId, action, from, to);
        var export = exportEvents.export(filter); // refused here, before the 200 is sent, if it is refused
        return ndjson.stream(sink -> export.writeTo(event -> sink.accept(mapper.toResponse(event))));
    }

    @Get("/{collection}/{id}/history")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listEntityHistory", summary = "List the changes to one audited entity, newest first",
            description = "For the audited collections (tasks). Deleted entities keep their history. 404 when "
                    + "the organization has no record of the entity.")
    PageResponse<AuditEventResponse> history(
            @PathVariable @Parameter(description = "tasks") String collection,
            @PathVariable UUID id,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable AuditEventCursor cursor) {
        var resource = auditedByCollection.get(collection);
        if (resource == null) {
            throw new ResourceNotFoundException("audited collection");
        }
        return page(listEvents.history(resource.entityType(), id, resource.readPermission(),
                pageRequest(limit, cursor)));
    }

    private static PageRequest<AuditEventPosition> pageRequest(int limit,
            @Nullable AuditEventCursor cursor) {
        return new PageRequest<>(cursor == null ? null : cursor.after(), limit);
    }

    private PageResponse<AuditEventResponse> page(Page<AuditEvent> page) {
        var next = page.hasMore() ? new AuditEventCursor(page.last().position()).encode() : null;
        return new PageResponse<>(page.items().stream().map(mapper::toResponse).toList(), next);
    }
}
