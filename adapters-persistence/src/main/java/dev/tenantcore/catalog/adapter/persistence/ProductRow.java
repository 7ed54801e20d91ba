package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A row of products (migration V13), read into the domain through {@link Product#reconstitute}. */
final class ProductRow {
    static final String COLUMNS = "organization_id, id, sku, name, description, price_minor, currency, stock, status, "
            + "attributes::text AS attributes, version, created_at, updated_at";

    private ProductRow() {
    }

    static Product read(ResultSet row) throws SQLException {
        return Product.reconstitute(new ProductId(row.getObject("id", UUID.class)),
                new OrganizationId(row.getObject("organization_id", UUID.class)), row.getString("sku"),
                row.getString("name"), row.getString("description"),
                new Money(row.getLong("price_minor"), row.getString("currency")), row.getInt("stock"),
                ProductStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                new ProductAttributes(row.getString("attributes")), row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static String status(ProductStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
