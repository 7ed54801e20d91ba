package dev.tenantcore.__context__.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.__context__.domain.__Entity__Repository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The __Entity__Repository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class Jdbc__Entity__RepositoryTest extends DatabaseTest {
    @Inject
    __Entity__Repository __entities__;
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

    private __Entity__ stored(String name) {
        return inTenant(() -> __entities__.insert(__Entity__.create(organization, name, "about " + name, Instant.now())));
    }

    @Test
    void storesAndFindsWithTheTransactionsTimestamps() {
        var inserted = stored("First");

        assertThat(inTenant(() -> __entities__.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt());
    }

    @Test
    void listsNewestFirstInPages() {
        var first = stored("First");
        var second = stored("Second");
        var third = stored("Third");

        var page = inTenant(() -> __entities__.list(organization, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        var next = inTenant(() -> __entities__.list(organization, new PageRequest<>(second.id(), 2)));
        assertThat(next.items()).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
    }

    @Test
    void updatesAndDeletesOnlyAtTheStoredVersion() {
        var inserted = stored("First");

        var updated = inTenant(() -> __entities__.update(inserted.revised("Second", null))).orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.description()).isNull();
        assertThat(inTenant(() -> __entities__.update(inserted.revised("Stale", null)))).isEmpty();

        assertThat(inTenant(() -> __entities__.delete(organization, inserted.id(), 1))).isFalse();
        assertThat(inTenant(() -> __entities__.delete(organization, inserted.id(), 2))).isTrue();
        assertThat(inTenant(() -> __entities__.findById(organization, inserted.id()))).isEmpty();
    }

    @Test
    void anotherOrganizationsRowsAreNotFound() {
        var theirs = stored("Theirs");
        var other = organizations.create();

        assertThat(transactions.read(other, () -> __entities__.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> __entities__.list(other, PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> __entities__.findById(organization, __Entity__Id.generate()))
                .hasMessageContaining("statement on tenant table __context__ outside a tenant transaction");
    }
}
