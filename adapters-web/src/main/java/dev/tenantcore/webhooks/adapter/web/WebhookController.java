package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.webhooks.application.CreateWebhookCommand;
import dev.tenantcore.webhooks.application.CreateWebhookUseCase;
import dev.tenantcore.webhooks.application.DeleteWebhookUseCase;
import dev.tenantcore.webhooks.application.GetWebhookUseCase;
import dev.tenantcore.webhooks.application.ListWebhookDeliveriesUseCase;
import dev.tenantcore.webhooks.application.ListWebhooksUseCase;
import dev.tenantcore.webhooks.application.RedeliverWebhookUseCase;
import dev.tenantcore.webhooks.application.RotateWebhookSecretUseCase;
import dev.tenantcore.webhooks.application.UpdateWebhookCommand;
import dev.tenantcore.webhooks.application.UpdateWebhookUseCase;
import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookDeliveryId;
import dev.tenantcore.webhooks.domain.WebhookId;
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

@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Webhooks", description = "The organization's webhook endpoints: signed events (Standard Webhooks) for "
        + "every change of the types they want, delivered at least once, with a delivery log.")
class WebhookController {
    private final CreateWebhookUseCase createWebhook;
    private final GetWebhookUseCase getWebhook;
    private final UpdateWebhookUseCase updateWebhook;
    private final DeleteWebhookUseCase deleteWebhook;
    private final ListWebhooksUseCase listWebhooks;
    private final RotateWebhookSecretUseCase rotateSecret;
    private final ListWebhookDeliveriesUseCase listDeliveries;
    private final RedeliverWebhookUseCase redeliver;

    WebhookController(CreateWebhookUseCase createWebhook, GetWebhookUseCase getWebhook,
            UpdateWebhookUseCase updateWebhook, DeleteWebhookUseCase deleteWebhook, ListWebhooksUseCase listWebhooks,
            RotateWebhookSecretUseCase rotateSecret, ListWebhookDeliveriesUseCase listDeliveries,
            RedeliverWebhookUseCase redeliver) {
        this.createWebhook = createWebhook;
        this.getWebhook = getWebhook;
        this.updateWebhook = updateWebhook;
        this.deleteWebhook = deleteWebhook;
        this.listWebhooks = listWebhooks;
        this.rotateSecret = rotateSecret;
        this.listDeliveries = listDeliveries;
        this.redeliver = redeliver;
    }

    @Post
    @Idempotent(showsSecret = true)
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createWebhook", summary = "Create a webhook endpoint",
            description = "The answer holds the signing secret, which is never shown again. 422 for an http URL or "
                    + "a host resolving to private, loopback, link-local or other non-public addresses (unless the "
                    + "operator allow-lists it), and for unknown event types.")
    HttpResponse<WebhookWithSecretResponse> create(@Body @Valid CreateWebhookRequest request) {
        var created = createWebhook.create(new CreateWebhookCommand(request.url(), request.eventTypes(),
                request.enabled() == null || request.enabled()));
        var webhook = created.webhook();
        return HttpResponse.created(WebhookWithSecretResponse.of(created), URI.create("/v1/webhooks/" + webhook.id()))
                .header(HttpHeaders.ETAG, EntityTags.of(webhook.version()));
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint",
            description = "Its URL, event types and state; never its signing secret.")
    HttpResponse<WebhookResponse> get(@PathVariable UUID id) {
        var webhook = getWebhook.get(new WebhookId(id));
        return withEntityTag(HttpResponse.ok(WebhookResponse.of(webhook)), webhook);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateWebhook", summary = "Change some of a webhook endpoint's fields",
            description = "Only the properties present are changed. Honours If-Match (412 when stale).")
    HttpResponse<WebhookResponse> update(@PathVariable UUID id, @Body UpdateWebhookRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var webhook = updateWebhook.update(new UpdateWebhookCommand(new WebhookId(id), EntityTags.ifMatch(ifMatch),
                request.url(), request.eventTypes(), request.enabled()));
        return withEntityTag(HttpResponse.ok(WebhookResponse.of(webhook)), webhook);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "Its pending deliveries are dropped. Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteWebhook.delete(new WebhookId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<WebhookResponse> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new WebhookId(cursor.after());
        var page = listWebhooks.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, WebhookResponse::of, webhook -> webhook.id().value());
    }

    @Post("/{id}/rotate-secret")
    @Idempotent(showsSecret = true)
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace a webhook endpoint's signing secret",
            description = "The answer holds the new secret, which is never shown again. For 24 hours deliveries "
                    + "carry two signatures, one with each secret. Honours If-Match (412 when stale).")
    HttpResponse<WebhookWithSecretResponse> rotateSecret(@PathVariable UUID id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var rotated = rotateSecret.rotateSecret(new WebhookId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.ok(WebhookWithSecretResponse.of(rotated))
                .header(HttpHeaders.ETAG, EntityTags.of(rotated.webhook().version()));
    }

    @Get("/{id}/deliveries")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's delivery log, newest first",
            description = "One entry per event for this endpoint, with its last attempt. Keyset pagination: pass "
                    + "nextCursor from the previous page as cursor.")
    PageResponse<WebhookDeliveryResponse> deliveries(@PathVariable UUID id,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit, @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new WebhookDeliveryId(cursor.after());
        var page = listDeliveries.deliveries(new WebhookId(id), new PageRequest<>(after, limit));
        return PageResponse.of(page, WebhookDeliveryResponse::of, delivery -> delivery.id().value());
    }

    @Post("/{id}/deliveries/{deliveryId}/redeliver")
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.Created
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery's event to its endpoint again",
            description = "A new delivery of the same event (same webhook-id), queued at once.")
    HttpResponse<RedeliveryResponse> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        var again = redeliver.redeliver(new WebhookId(id), new WebhookDeliveryId(deliveryId));
        return HttpResponse.created(new RedeliveryResponse(again.value()));
    }

    private static <T> MutableHttpResponse<T> withEntityTag(MutableHttpResponse<T> response, Webhook webhook) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(webhook.version()));
    }
}
