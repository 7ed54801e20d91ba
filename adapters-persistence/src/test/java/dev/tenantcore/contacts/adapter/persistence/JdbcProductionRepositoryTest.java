package dev.tenantcore.contacts.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionRepository;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ProductionRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcProductionRepositoryTest extends DatabaseTest {
    @Inject
    ProductionRepository productions;
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

    private Production stored(String name) {
        return inTenant(() -> productions.insert(Production.create(organization, name, "code-" + name,
                ProductionStatus.PRE_PRODUCTION, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-05-28"),
                JsonFields.checked("metadata", "{\"network\": \"" + name + "\", \"episodes\": 6}"),
                Instant.now())));
    }

    private static Production revisedName(Production production, String name) {
        return production.revised(name, production.code(), ProductionStatus.WRAP, null, null, JsonFields.EMPTY);
    }

    @Test
    void storesAndFindsWithTheTransactionsTimestamps() {
        var inserted = stored("First");

        assertThat(inserted.metadata().json()).isEqualTo("{\"network\": \"First\", \"episodes\": 6}");
        assertThat(inserted.endDate()).isEqualTo(LocalDate.parse("2027-05-28"));
        assertThat(inTenant(() -> productions.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt());
    }

    @Test
    void listsNewestFirstInPages() {
        var first = stored("First");
        var second = stored("Second");
        var third = stored("Third");

        var page = inTenant(() -> productions.list(organization, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        var next = inTenant(() -> productions.list(organization, new PageRequest<>(second.id(), 2)));
        assertThat(next.items()).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
    }

    @Test
    void updatesAndDeletesOnlyAtTheStoredVersion() {
        var inserted = stored("First");

        var updated = inTenant(() -> productions.update(revisedName(inserted, "Second"))).orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.metadata()).isEqualTo(JsonFields.EMPTY);
        assertThat(updated.startDate()).isNull();
        assertThat(inTenant(() -> productions.update(revisedName(inserted, "Stale")))).isEmpty();

        assertThat(inTenant(() -> productions.delete(organization, inserted.id(), 1))).isFalse();
        assertThat(inTenant(() -> productions.delete(organization, inserted.id(), 2))).isTrue();
        assertThat(inTenant(() -> productions.findById(organization, inserted.id()))).isEmpty();
    }

    @Test
    void aCodeIsUniqueInTheOrganizationIgnoringCaseAndFreeInAnother() {
        stored("TLN");

        assertThatThrownBy(() -> inTenant(() -> productions.insert(Production.create(organization, "Other", "CODE-tln",
                ProductionStatus.DEVELOPMENT, null, null, JsonFields.EMPTY, Instant.now()))))
                .isInstanceOf(ConflictException.class).hasMessage(Production.CODE_TAKEN);
        var other = organizations.create();
        var theirs = transactions.write(other, () -> productions.insert(Production.create(other, "Theirs",
                "code-TLN", ProductionStatus.DEVELOPMENT, null, null, JsonFields.EMPTY, Instant.now())));
        assertThat(theirs.code()).isEqualTo("code-TLN");
    }

    @Test
    void anotherOrganizationsRowsAreNotFound() {
        var theirs = stored("Theirs");
        var other = organizations.create();

        assertThat(transactions.read(other, () -> productions.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> productions.list(other, PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> productions.findById(organization, ProductionId.generate()))
                .hasMessageContaining("statement on tenant table productions outside a tenant transaction");
    }
}
