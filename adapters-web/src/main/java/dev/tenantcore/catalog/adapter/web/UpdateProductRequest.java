package dev.tenantcore.catalog.adapter.web;

import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A JSON merge-style partial update. A setter runs only for a property present in the body, so "absent" (leave
 * as is) and "null" (clear) stay apart; the domain then checks the new values (null where a value is required is
 * refused there).
 */
@Serdeable
@Schema(name = "UpdateProductRequest", description = "Only the properties present are changed; null clears description")
public final class UpdateProductRequest {
    private FieldChange<String> sku = FieldChange.unchanged();
    private FieldChange<String> name = FieldChange.unchanged();
    private FieldChange<String> description = FieldChange.unchanged();
    private FieldChange<Long> priceMinor = FieldChange.unchanged();
    private FieldChange<String> currency = FieldChange.unchanged();
    private FieldChange<Integer> stock = FieldChange.unchanged();
    private FieldChange<String> status = FieldChange.unchanged();
    private FieldChange<JsonNode> attributes = FieldChange.unchanged();

    @Schema(maxLength = 64, minLength = 1)
    public void setSku(@Nullable String sku) {
        this.sku = FieldChange.to(sku);
    }

    @Schema(maxLength = 200, minLength = 1)
    public void setName(@Nullable String name) {
        this.name = FieldChange.to(name);
    }

    @Schema(maxLength = 10_000, nullable = true)
    public void setDescription(@Nullable String description) {
        this.description = FieldChange.to(description);
    }

    @Schema(minimum = "0", description = "In the currency's minor units")
    public void setPriceMinor(@Nullable Long priceMinor) {
        this.priceMinor = FieldChange.to(priceMinor);
    }

    @Schema(description = "ISO 4217", example = "EUR")
    public void setCurrency(@Nullable String currency) {
        this.currency = FieldChange.to(currency);
    }

    @Schema(minimum = "0")
    public void setStock(@Nullable Integer stock) {
        this.stock = FieldChange.to(stock);
    }

    @Schema(allowableValues = {"active", "archived"})
    public void setStatus(@Nullable String status) {
        this.status = FieldChange.to(status);
    }

    @Schema(type = "object", description = "Replaces the attributes whole")
    public void setAttributes(@Nullable JsonNode attributes) {
        this.attributes = FieldChange.to(attributes);
    }

    FieldChange<String> sku() {
        return sku;
    }

    FieldChange<String> name() {
        return name;
    }

    FieldChange<String> description() {
        return description;
    }

    FieldChange<Long> priceMinor() {
        return priceMinor;
    }

    FieldChange<String> currency() {
        return currency;
    }

    FieldChange<Integer> stock() {
        return stock;
    }

    FieldChange<String> status() {
        return status;
    }

    FieldChange<JsonNode> attributes() {
        return attributes;
    }
}
