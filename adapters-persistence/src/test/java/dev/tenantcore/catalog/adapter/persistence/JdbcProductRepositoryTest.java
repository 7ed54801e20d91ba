package dev.tenantcore.catalog.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.Product;
import dev.tenantcore.catalog.domain.ProductAttributes;
import dev.tenantcore.catalog.domain.ProductFilter;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductMatch;
import dev.tenantcore.catalog.domain.ProductRepository;
import dev.tenantcore.catalog.domain.ProductSearch;
import dev.tenantcore.catalog.domain.ProductStatus;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ProductRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcProductRepositoryTest extends DatabaseTest {
    @Inject
    ProductRepository products;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Product stored(String sku, String name, String description, int stock, String attributes) {
        return inTenant(() -> products.insert(Product.create(organization, sku, name, description,
                new Money(1500, "EUR"), stock, ProductStatus.ACTIVE, new ProductAttributes(attributes),
                Instant.now())));
    }

    @Test
    void storesFindsAndRefusesASecondSkuOfAnotherCase() {
        var inserted = stored("ab-1", "Lamp", null, 3, "{\"color\": \"red\"}");

        assertThat(inTenant(() -> products.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.attributes().json()).isEqualTo("{\"color\": \"red\"}");
        assertThatThrownBy(() -> stored("AB-1", "Other", null, 1, "{}")).isInstanceOf(ConflictException.class);
    }

    @Test
    void reservesOnlyWhatThereIsAndOnlyOfActiveProductsOfTheOrganization() {
        var lamp = stored("L", "Lamp", null, 3, "{}");
        var archived = inTenant(() -> products.update(stored("A", "Old", null, 3, "{}").revised("A", "Old", null,
                new Money(1, "EUR"), 3, ProductStatus.ARCHIVED, ProductAttributes.EMPTY))).orElseThrow();

        assertThat(inTenant(() -> products.reserve(organization, lamp.id(), 2)))
                .isEqualTo(new StockReservation.Reserved(new Money(1500, "EUR")));
        assertThat(inTenant(() -> products.reserve(organization, lamp.id(), 2)))
                .isEqualTo(new StockReservation.InsufficientStock(1));
        assertThat(inTenant(() -> products.reserve(organization, archived.id(), 1)))
                .isInstanceOf(StockReservation.NotOrderable.class);
        var other = organizations.create();
        assertThat(transactions.write(other, () -> products.reserve(other, lamp.id(), 1)))
                .isInstanceOf(StockReservation.NotOrderable.class);
        assertThat(transactions.write(other, () -> products.release(other, lamp.id(), 100))).isFalse();

        assertThat(inTenant(() -> products.release(organization, lamp.id(), 2))).isTrue();
        var after = inTenant(() -> products.findById(organization, lamp.id())).orElseThrow();
        assertThat(after.stock()).isEqualTo(3);
        assertThat(after.version()).as("every stock move is a new version (ETags)").isEqualTo(3);
    }

    @Test
    void searchRanksNameAboveDescriptionAndTheCursorSplitsTies() {
        var inName = stored("N", "Walnut desk", "Solid", 1, "{}");
        var inDescription = stored("D", "Chair", "Matches the walnut desk", 1, "{}");
        var twin1 = stored("T1", "Walnut shelf", null, 1, "{\"color\":\"brown\"}");
        var twin2 = stored("T2", "Walnut stool", null, 1, "{\"color\":\"brown\"}");
        stored("X", "Teapot", "Cast iron", 1, "{}");

        var all = inTenant(() -> products.search(organization, new ProductSearch("walnut", emptyFilter()),
                PageRequest.first(10))).items().stream().map(ProductMatch::product).map(Product::id).toList();
        assertThat(all).containsExactlyInAnyOrder(inName.id(), inDescription.id(), twin1.id(), twin2.id());
        assertThat(all.getLast()).isEqualTo(inDescription.id());

        var first = inTenant(() -> products.search(organization, new ProductSearch("walnut", emptyFilter()),
                PageRequest.first(2)));
        var rest = inTenant(() -> products.search(organization, new ProductSearch("walnut", emptyFilter()),
                new PageRequest<>(first.last().cursor(), 10)));
        assertThat(first.items().size() + rest.items().size()).isEqualTo(4);
        assertThat(rest.items()).extracting(match -> match.product().id())
                .doesNotContainAnyElementsOf(first.items().stream().map(match -> match.product().id()).toList());

        var brown = new LinkedHashMap<String, String>(Map.of("color", "brown"));
        assertThat(inTenant(() -> products.list(organization, new ProductFilter(null, brown), PageRequest.first(10)))
                .items()).extracting(Product::id).containsExactly(twin2.id(), twin1.id());
    }

    private static ProductFilter emptyFilter() {
        return new ProductFilter(null, null);
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> products.findById(organization, ProductId.generate()))
                .as("statements through JdbcOperations run only on a transaction's connection: outside one there "
                        + "is none to run them on").isInstanceOf(NoConnectionException.class);
    }
}
