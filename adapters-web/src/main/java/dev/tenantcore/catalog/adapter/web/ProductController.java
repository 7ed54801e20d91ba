package dev.tenantcore.catalog.adapter.web;

import dev.tenantcore.catalog.application.CreateProductCommand;
import dev.tenantcore.catalog.application.CreateProductUseCase;
import dev.tenantcore.catalog.application.DeleteProductUseCase;
import dev.tenantcore.catalog.application.GetProductUseCase;
import dev.tenantcore.catalog.application.ListProductsUseCase;
import dev.tenantcore.catalog.application.SearchProductsUseCase;
import dev.tenantcore.catalog.application.UpdateProductCommand;
import dev.tenantcore.catalog.application.UpdateProductUseCase;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductFilter;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductMatch;
import dev.tenantcore.catalog.domain.ProductSearch;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.UUID;

@Controller("/v1/products")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Products", description = "The organization's catalog: products, their price, stock and attributes")
class ProductController {
    private static final String ATTRIBUTE_PARAMETER = "attributes.";

    private final CreateProductUseCase createProduct;
    private final GetProductUseCase getProduct;
    private final UpdateProductUseCase updateProduct;
    private final DeleteProductUseCase deleteProduct;
    private final ListProductsUseCase listProducts;
    private final SearchProductsUseCase searchProducts;
    private final ProductWebMapper mapper;

    ProductController(CreateProductUseCase createProduct, GetProductUseCase getProduct,
            UpdateProductUseCase updateProduct, DeleteProductUseCase deleteProduct,
            ListProductsUseCase listProducts, SearchProductsUseCase searchProducts, ProductWebMapper mapper) {
        this.createProduct = createProduct;
        this.getProduct = getProduct;
        this.updateProduct = updateProduct;
        this.deleteProduct = deleteProduct;
        this.listProducts = listProducts;
        this.searchProducts = searchProducts;
        this.mapper = mapper;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "409 when another product of the organization has the sku (case-insensitively).")
    HttpResponse<ProductResponse> create(@Body @Valid CreateProductRequest request) {
        var product = createProduct.create(new CreateProductCommand(request.sku(), request.name(),
                request.description(), request.priceMinor(), request.currency(),
                request.stock() == null ? 0 : request.stock(), ProductWebMapper.status(request.status()),
                mapper.attributes(request.attributes())));
        return withEntityTag(HttpResponse.created(mapper.toResponse(product),
                URI.create("/v1/products/" + product.id())), product);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getProduct", summary = "Get a product",
            description = "Served from the product cache when it holds the product (README: \"Product cache\").")
    HttpResponse<ProductResponse> get(@PathVariable UUID id) {
        var product = getProduct.get(new ProductId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(product)), product);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateProduct", summary = "Change some of a product's fields",
            description = "Only the properties present are changed; null clears description. Honours If-Match (412 "
                    + "when stale).")
    HttpResponse<ProductResponse> update(@PathVariable UUID id, @Body UpdateProductRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var product = updateProduct.update(new UpdateProductCommand(new ProductId(id),
                EntityTags.ifMatch(ifMatch), request.sku(), request.name(), request.description(),
                request.priceMinor(), request.currency(), request.stock(),
                request.status().map(ProductWebMapper::status), request.attributes().map(mapper::attributes)));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(product)), product);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "Honours If-Match (412 when stale). Orders that refer to it keep their lines.")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteProduct.delete(new ProductId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listProducts", summary = "List or search products",
            description = "Without q: newest first. With q: a full-text search over name and description (English "
                    + "stemming; quotes for a phrase, -word to exclude, or), best match first, a match in the name "
                    + "above one in the description. Filters for both: status, and attributes.<key>=<value> (any "
                    + "number, up to 10, each an exact text match of one attribute, e.g. attributes.color=red). "
                    + "Keyset pagination: pass nextCursor from the previous page as cursor, with the same q.")
    PageResponse<ProductResponse> list(HttpRequest<?> request,
            @QueryValue @Nullable @Size(max = 200) String q,
            @QueryValue @Nullable @Pattern(regexp = "active|archived", message = "must be active or archived")
            String status,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable ProductCursor cursor) {
        var attributes = new LinkedHashMap<String, String>();
        request.getParameters().forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PARAMETER)) {
                attributes.put(name.substring(ATTRIBUTE_PARAMETER.length()), values.getLast());
            }
        });
        var filter = new ProductFilter(ProductWebMapper.status(status), attributes);
        if (q != null) {
            var page = searchProducts.search(new ProductSearch(q, filter),
                    new PageRequest<>(cursor == null ? null : cursor.searchAfter(), limit));
            var next = page.hasMore() ? ProductCursor.of(page.last().cursor()) : null;
            return new PageResponse<>(page.items().stream().map(ProductMatch::product).map(mapper::toResponse)
                    .toList(), next);
        }
        var page = listProducts.list(filter, new PageRequest<>(cursor == null ? null : cursor.listAfter(), limit));
        return PageResponse.of(page, mapper::toResponse, product -> product.id().value());
    }

    private static MutableHttpResponse<ProductResponse> withEntityTag(MutableHttpResponse<ProductResponse> response,
            Product product) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(product.version()));
    }
}
