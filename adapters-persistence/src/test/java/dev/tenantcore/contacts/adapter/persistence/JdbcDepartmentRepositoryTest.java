package dev.tenantcore.contacts.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DepartmentRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcDepartmentRepositoryTest extends DatabaseTest {
    @Inject
    DepartmentRepository departments;
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

    private Department stored(String name) {
        return inTenant(() -> departments.insert(Department.create(organization, name, Instant.now())));
    }

    @Test
    void storesAndFindsWithTheTransactionsTimestamps() {
        var inserted = stored("First");

        assertThat(inTenant(() -> departments.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt());
    }

    @Test
    void listsNewestFirstInPages() {
        var first = stored("First");
        var second = stored("Second");
        var third = stored("Third");

        var page = inTenant(() -> departments.list(organization, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        var next = inTenant(() -> departments.list(organization, new PageRequest<>(second.id(), 2)));
        assertThat(next.items()).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
    }

    @Test
    void updatesAndDeletesOnlyAtTheStoredVersion() {
        var inserted = stored("First");

        var updated = inTenant(() -> departments.update(inserted.renamed("Second"))).orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(inTenant(() -> departments.update(inserted.renamed("Stale")))).isEmpty();

        assertThat(inTenant(() -> departments.delete(organization, inserted.id(), 1))).isFalse();
        assertThat(inTenant(() -> departments.delete(organization, inserted.id(), 2))).isTrue();
        assertThat(inTenant(() -> departments.findById(organization, inserted.id()))).isEmpty();
    }

    @Test
    void aNameIsUniqueInTheOrganizationIgnoringCase() {
        stored("Camera");

        assertThatThrownBy(() -> stored("CAMERA")).isInstanceOf(ConflictException.class)
                .hasMessage(Department.NAME_TAKEN);
    }

    @Test
    void insertsACatalogueInOneStatement() {
        var catalogue = Department.DEFAULT_CATALOGUE.stream()
                .map(name -> Department.create(organization, name, Instant.now())).toList();

        inTenant(() -> {
            departments.insertAll(catalogue);
            return null;
        });

        assertThat(inTenant(() -> departments.list(organization, PageRequest.first(100))).items())
                .extracting(Department::name).containsExactlyInAnyOrderElementsOf(Department.DEFAULT_CATALOGUE);
    }

    @Test
    void anotherOrganizationsRowsAreNotFound() {
        var theirs = stored("Theirs");
        var other = organizations.create();

        assertThat(transactions.read(other, () -> departments.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> departments.list(other, PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> departments.findById(organization, DepartmentId.generate()))
                .hasMessageContaining("statement on tenant table departments outside a tenant transaction");
    }
}
