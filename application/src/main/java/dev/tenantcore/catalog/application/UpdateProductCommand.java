package dev.tenantcore.catalog.application;

import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import java.util.Objects;
import java.util.stream.Stream;

/** A partial update: only the fields that are a {@link FieldChange#to change} are touched. */
public record UpdateProductCommand(
        ProductId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> sku,
        FieldChange<String> name,
        FieldChange<String> description,
        FieldChange<Long> priceMinor,
        FieldChange<String> currency,
        FieldChange<Integer> stock,
        FieldChange<ProductStatus> status,
        FieldChange<ProductAttributes> attributes) {

    public UpdateProductCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Stream.of(sku, name, description, priceMinor, currency, stock, status, attributes)
                .forEach(change -> Objects.requireNonNull(change, "a field change"));
    }

    public boolean changesAnything() {
        return Stream.of(sku, name, description, priceMinor, currency, stock, status, attributes)
                .anyMatch(FieldChange::isChange);
    }
}
