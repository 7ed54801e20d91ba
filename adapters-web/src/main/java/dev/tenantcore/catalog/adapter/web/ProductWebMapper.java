package dev.tenantcore.catalog.adapter.web;

import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Products between the API and the domain; the response is a whitelist of fields. */
@Singleton
final class ProductWebMapper {
    private final JsonMapper json;

    ProductWebMapper(JsonMapper json) {
        this.json = json;
    }

    ProductResponse toResponse(Product product) {
        return new ProductResponse(product.id().value(), product.sku(), product.name(), product.description(),
                product.price().amountMinor(), product.price().currency(), product.stock(),
                status(product.status()), attributes(product.attributes()), product.createdAt(),
                product.updatedAt());
    }

    static String status(ProductStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static ProductStatus status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "active" -> ProductStatus.ACTIVE;
            case "archived" -> ProductStatus.ARCHIVED;
            default -> throw new InvariantViolationException("status", "status must be active or archived");
        };
    }

    private JsonNode attributes(ProductAttributes attributes) {
        try {
            return json.readValue(attributes.json(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored JSON", e);
        }
    }

    /** What a client sent, re-serialised compactly; null stays null (absent), and only an object is accepted. */
    ProductAttributes attributes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvariantViolationException("attributes", "attributes must be a JSON object");
        }
        try {
            return ProductAttributes.checked(new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
