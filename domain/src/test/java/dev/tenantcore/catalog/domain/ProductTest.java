package dev.tenantcore.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    private static Product product(String sku, long price, String currency, int stock) {
        return Product.create(ORGANIZATION, sku, "  Mug  ", null, Money.price("priceMinor", price, currency), stock,
                ProductStatus.ACTIVE, ProductAttributes.EMPTY, NOW);
    }

    @Test
    void aNewProductIsAtItsFirstVersionWithItsNameTrimmed() {
        var created = product("MUG-1", 800, "EUR", 3);

        assertThat(created.name()).isEqualTo("Mug");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.price()).isEqualTo(new Money(800, "EUR"));
    }

    @Test
    void pricesAreKnownIsoCurrenciesAndNeverNegative() {
        assertThat(product("A", 0, "JPY", 0).price().currency()).isEqualTo("JPY");
        for (var currency : new String[] {"XYZ", "eur", "EURO", "", null}) {
            assertThatThrownBy(() -> product("A", 1, currency, 0)).as(String.valueOf(currency))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("currency"));
        }
        assertThatThrownBy(() -> product("A", -1, "EUR", 0)).isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void stockIsNeverNegativeAndTheSkuHasNoSpaces() {
        assertThatThrownBy(() -> product("A", 1, "EUR", -1)).isInstanceOfSatisfying(
                InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("stock"));
        assertThatThrownBy(() -> product("A B", 1, "EUR", 0)).isInstanceOfSatisfying(
                InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("sku"));
        assertThatThrownBy(() -> product("s".repeat(Product.SKU_MAX_LENGTH + 1), 1, "EUR", 0))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void attributesMustBeASmallJsonObject() {
        assertThat(ProductAttributes.checked(null)).isEqualTo(ProductAttributes.EMPTY);
        assertThatThrownBy(() -> ProductAttributes.checked("[1]")).isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> ProductAttributes.checked("{\"a\":\"" + "x".repeat(ProductAttributes.MAX_LENGTH)
                + "\"}")).isInstanceOf(InvariantViolationException.class);
    }
}
