package dev.tenantcore.contacts.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactRepository;
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

/** The ContactRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcContactRepositoryTest extends DatabaseTest {
    @Inject
    ContactRepository contacts;
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

    private Contact stored(String name) {
        return inTenant(() -> contacts.insert(Contact.create(organization, name, "about " + name, Instant.now())));
    }

    @Test
    void storesAndFindsWithTheTransactionsTimestamps() {
        var inserted = stored("First");

        assertThat(inTenant(() -> contacts.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt());
    }

    @Test
    void listsNewestFirstInPages() {
        var first = stored("First");
        var second = stored("Second");
        var third = stored("Third");

        var page = inTenant(() -> contacts.list(organization, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        var next = inTenant(() -> contacts.list(organization, new PageRequest<>(second.id(), 2)));
        assertThat(next.items()).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
    }

    @Test
    void updatesAndDeletesOnlyAtTheStoredVersion() {
        var inserted = stored("First");

        var updated = inTenant(() -> contacts.update(inserted.revised("Second", null))).orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.description()).isNull();
        assertThat(inTenant(() -> contacts.update(inserted.revised("Stale", null)))).isEmpty();

        assertThat(inTenant(() -> contacts.delete(organization, inserted.id(), 1))).isFalse();
        assertThat(inTenant(() -> contacts.delete(organization, inserted.id(), 2))).isTrue();
        assertThat(inTenant(() -> contacts.findById(organization, inserted.id()))).isEmpty();
    }

    @Test
    void anotherOrganizationsRowsAreNotFound() {
        var theirs = stored("Theirs");
        var other = organizations.create();

        assertThat(transactions.read(other, () -> contacts.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> contacts.list(other, PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> contacts.findById(organization, ContactId.generate()))
                .hasMessageContaining("statement on tenant table contacts outside a tenant transaction");
    }
}
