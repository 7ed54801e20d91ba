package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductStatus;
import java.util.Objects;

/**
 * A new product for the caller's organization; a null description means none, a null status active, null
 * attributes none. The domain checks the values when it creates the product.
 */
public record CreateProductCommand(String sku, String name, String descriptionOrNull, long priceMinor,
        String currency, int stock, ProductStatus statusOrNull, ProductAttributes attributesOrNull) {

    public CreateProductCommand {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
    }

    ProductStatus status() {
        return statusOrNull == null ? ProductStatus.ACTIVE : statusOrNull;
    }

    ProductAttributes attributes() {
        return attributesOrNull == null ? ProductAttributes.EMPTY : attributesOrNull;
    }
}
