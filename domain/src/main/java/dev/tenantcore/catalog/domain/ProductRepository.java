package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** The organization's products. Every method runs inside the caller's tenant transaction. */
public interface ProductRepository {

    /** Stores a new product; returns it as stored, with the database's timestamps. */
    Product insert(Product product);

    Optional<Product> findById(OrganizationId organizationId, ProductId id);

    /** Newest first, after {@code page.after()}. */
    Page<Product> list(OrganizationId organizationId, ProductFilter filter, PageRequest<ProductId> page);

    /** Best match first (rank, then id, both descending), after {@code page.after()}. */
    Page<ProductMatch> search(OrganizationId organizationId, ProductSearch search,
            PageRequest<ProductSearchCursor> page);

    /** Writes the new fields if the stored version is still {@code product.version()}; empty otherwise. */
    Optional<Product> update(Product product);

    /** Deletes the product if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, ProductId id, long version);

    /**
     * Takes {@code quantity} from the stock of an active product, in one conditional statement that never lets the
     * stock fall below zero however many transactions do it at once.
     */
    StockReservation reserve(OrganizationId organizationId, ProductId id, int quantity);

    /** Gives {@code quantity} back to the product's stock (a cancelled order's); false if the product is gone. */
    boolean release(OrganizationId organizationId, ProductId id, int quantity);
}
