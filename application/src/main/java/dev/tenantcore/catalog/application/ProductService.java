package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductFilter;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductMatch;
import dev.tenantcore.catalog.domain.ProductPermissions;
import dev.tenantcore.catalog.domain.ProductRepository;
import dev.tenantcore.catalog.domain.ProductSearch;
import dev.tenantcore.catalog.domain.ProductSearchCursor;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The catalog's use cases. Reads by id go through the {@link ProductCache} after the permission check; its misses
 * read the primary ({@code readLatest}), so that an entry is never filled from a replica that has not yet replayed
 * a write another instance just invalidated for.
 */
@Singleton
final class ProductService implements CreateProductUseCase, GetProductUseCase, UpdateProductUseCase,
        DeleteProductUseCase, ListProductsUseCase, SearchProductsUseCase {

    private final ProductRepository products;
    private final ProductCache cache;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ProductService(ProductRepository products, ProductCache cache, TenantTransactions transactions,
            CurrentTenant currentTenant, Clock clock) {
        this.products = products;
        this.cache = cache;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Product create(CreateProductCommand command) {
        currentTenant.require(ProductPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var product = Product.create(organizationId, command.sku(), command.name(), command.descriptionOrNull(),
                Money.price("priceMinor", command.priceMinor(), command.currency()), command.stock(),
                command.status(), command.attributes(), clock.instant());
        return transactions.write(organizationId, () -> products.insert(product));
    }

    @Override
    public Product get(ProductId id) {
        currentTenant.require(ProductPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return cache.get(organizationId, id,
                        () -> transactions.readLatest(organizationId, () -> products.findById(organizationId, id)))
                .orElseThrow(ProductService::notFound);
    }

    @Override
    public Product update(UpdateProductCommand command) {
        currentTenant.require(ProductPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var price = current.price();
            if (command.priceMinor().isChange() || command.currency().isChange()) {
                price = Money.price("priceMinor", required("priceMinor", command.priceMinor(), price.amountMinor()),
                        required("currency", command.currency(), price.currency()));
            }
            var revised = current.revised(command.sku().orElse(current.sku()), command.name().orElse(current.name()),
                    command.description().orElse(current.description()), price,
                    required("stock", command.stock(), current.stock()),
                    required("status", command.status(), current.status()),
                    required("attributes", command.attributes(), current.attributes()));
            return products.update(revised).orElseThrow(ProductService::concurrentChange);
        });
    }

    @Override
    public void delete(ProductId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ProductPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var product = load(organizationId, id);
            expectedVersion.check(product.version());
            if (!products.delete(organizationId, id, product.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Product> list(ProductFilter filter, PageRequest<ProductId> page) {
        currentTenant.require(ProductPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> products.list(organizationId, filter, page));
    }

    @Override
    public Page<ProductMatch> search(ProductSearch search, PageRequest<ProductSearchCursor> page) {
        currentTenant.require(ProductPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> products.search(organizationId, search, page));
    }

    /** The new value of a field that cannot be cleared: null is refused, naming the field. */
    private static <T> T required(String field, FieldChange<T> change, T current) {
        var value = change.orElse(current);
        if (value == null) {
            throw new InvariantViolationException(field, field + " must not be null");
        }
        return value;
    }

    private Product load(OrganizationId organizationId, ProductId id) {
        return products.findById(organizationId, id).orElseThrow(ProductService::notFound);
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("product");
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the product was changed concurrently; retry");
    }
}
