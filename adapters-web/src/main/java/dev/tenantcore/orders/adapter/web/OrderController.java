package dev.tenantcore.orders.adapter.web;

import dev.tenantcore.orders.application.ChangeOrderStatusUseCase;
import dev.tenantcore.orders.application.DeleteOrderUseCase;
import dev.tenantcore.orders.application.GetOrderUseCase;
import dev.tenantcore.orders.application.ListOrdersUseCase;
import dev.tenantcore.orders.application.PlaceOrderCommand;
import dev.tenantcore.orders.application.PlaceOrderUseCase;
import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderedProductId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.Idempotent;
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
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;

@Controller("/v1/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Orders", description = "The organization's orders: lines of catalog products, stock reserved when placed")
class OrderController {
    private final PlaceOrderUseCase placeOrder;
    private final GetOrderUseCase getOrder;
    private final ListOrdersUseCase listOrders;
    private final ChangeOrderStatusUseCase changeOrderStatus;
    private final DeleteOrderUseCase deleteOrder;

    OrderController(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, ListOrdersUseCase listOrders,
            ChangeOrderStatusUseCase changeOrderStatus, DeleteOrderUseCase deleteOrder) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
        this.changeOrderStatus = changeOrderStatus;
        this.deleteOrder = deleteOrder;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createOrder", summary = "Place an order",
            description = "Takes each line's quantity from its product's stock and keeps the product's current "
                    + "price; the total is computed here. 409 when a product has too little stock (nothing is "
                    + "taken); 422 when a line names no orderable product of the organization (unknown, archived) "
                    + "or the products' currencies differ.")
    HttpResponse<OrderResponse> create(@Body @Valid CreateOrderRequest request) {
        var customer = Customer.of(request.customerUserId(), request.customerContactId(), request.customerEmail());
        var order = placeOrder.place(new PlaceOrderCommand(customer, request.lines().stream()
                .map(line -> new PlaceOrderCommand.Line(new OrderedProductId(line.productId()), line.quantity()))
                .toList()));
        return withEntityTag(HttpResponse.created(OrderWebMapper.toResponse(order),
                URI.create("/v1/orders/" + order.id())), order);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getOrder", summary = "Get an order",
            description = "With its lines (the unit prices of when it was placed) and the server's total.")
    HttpResponse<OrderResponse> get(@PathVariable UUID id) {
        var order = getOrder.get(new OrderId(id));
        return withEntityTag(HttpResponse.ok(OrderWebMapper.toResponse(order)), order);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateOrder", summary = "Move an order to another status",
            description = "pending → confirmed → shipped → delivered; cancelled from pending or confirmed, which "
                    + "returns the stock. Any other move is a 409 naming the current status. Honours If-Match (412 "
                    + "when stale).")
    HttpResponse<OrderResponse> update(@PathVariable UUID id, @Body @Valid UpdateOrderRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var order = changeOrderStatus.changeStatus(new OrderId(id), EntityTags.ifMatch(ifMatch),
                OrderWebMapper.status(request.status()));
        return withEntityTag(HttpResponse.ok(OrderWebMapper.toResponse(order)), order);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteOrder", summary = "Delete a pending or cancelled order",
            description = "A pending order's stock returns. Confirmed, shipped and delivered orders stay (409). "
                    + "Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteOrder.delete(new OrderId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listOrders", summary = "List orders, newest first",
            description = "Optionally of one status. Keyset pagination: pass nextCursor from the previous page as "
                    + "cursor.")
    PageResponse<OrderResponse> list(
            @QueryValue @Nullable @Pattern(regexp = "pending|confirmed|shipped|delivered|cancelled",
                    message = "must be pending, confirmed, shipped, delivered or cancelled") String status,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new OrderId(cursor.after());
        var page = listOrders.list(status == null ? null : OrderWebMapper.status(status),
                new PageRequest<>(after, limit));
        return PageResponse.of(page, OrderWebMapper::toResponse, order -> order.id().value());
    }

    private static MutableHttpResponse<OrderResponse> withEntityTag(MutableHttpResponse<OrderResponse> response,
            Order order) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(order.version()));
    }
}
