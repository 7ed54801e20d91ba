package dev.tenantcore.catalog.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A product of an organization's catalog. Immutable: a change returns a new value, and the canonical constructor
 * enforces every invariant; {@link #reconstitute} is how storage brings one back. The description is optional (null
 * when absent). The sku is unique within the organization, case-insensitively (the database's constraint).
 */
public record Product(
        ProductId id,
        OrganizationId organizationId,
        String sku,
        String name,
        String description,
        Money price,
        int stock,
        ProductStatus status,
        ProductAttributes attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SKU_MAX_LENGTH = 64;
    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;
    public static final String SKU_TAKEN = "another product of the organization has this sku";

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        sku = Text.required("sku", sku, SKU_MAX_LENGTH);
        if (!sku.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw new InvariantViolationException("sku", "sku must not contain spaces or control characters");
        }
        name = Text.required("name", name, NAME_MAX_LENGTH);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        Objects.requireNonNull(price, "price");
        if (price.amountMinor() < 0) {
            throw new InvariantViolationException("priceMinor", "priceMinor must be at least 0");
        }
        if (stock < 0) {
            throw new InvariantViolationException("stock", "stock must be at least 0");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Product create(OrganizationId organizationId, String sku, String name, String description,
            Money price, int stock, ProductStatus status, ProductAttributes attributes, Instant now) {
        return new Product(ProductId.generate(), organizationId, sku, name, description, price, stock, status,
                attributes, 1, now, now);
    }

    /** A product as storage holds it. */
    public static Product reconstitute(ProductId id, OrganizationId organizationId, String sku, String name,
            String description, Money price, int stock, ProductStatus status, ProductAttributes attributes,
            long version, Instant createdAt, Instant updatedAt) {
        return new Product(id, organizationId, sku, name, description, price, stock, status, attributes, version,
                createdAt, updatedAt);
    }

    /** The product with its editable fields replaced; identity, version and timestamps stay. */
    public Product revised(String newSku, String newName, String newDescription, Money newPrice, int newStock,
            ProductStatus newStatus, ProductAttributes newAttributes) {
        return new Product(id, organizationId, newSku, newName, newDescription, newPrice, newStock, newStatus,
                newAttributes, version, createdAt, updatedAt);
    }
}
