package dev.tenantcore.organizations.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.organizations.domain.OrganizationTestData;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The OrganizationRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcOrganizationRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    OrganizationRepository organizations;
    @Inject
    TenantTransactions transactions;

    private Organization stored(Organization organization) {
        transactions.write(organization.id(), () -> {
            organizations.insert(organization);
            return null;
        });
        return organization;
    }

    private Organization newOrganization() {
        return OrganizationTestData.anOrganization().withId(OrganizationId.generate()).withCreatedAt(NOW)
                .withUpdatedAt(NOW).build();
    }

    @Test
    void storesAndFindsAnOrganizationInItsOwnTransaction() {
        var organization = stored(newOrganization());

        assertThat(transactions.read(organization.id(), () -> organizations.findById(organization.id())))
                .contains(organization);
    }

    @Test
    void slugsAreUniqueIgnoringCaseAcrossOrganizations() {
        var first = stored(newOrganization());
        var sameSlug = OrganizationTestData.anOrganization().withId(OrganizationId.generate())
                .withSlug(new Slug(first.slug().value())).build();

        assertThatThrownBy(() -> stored(sameSlug))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.slug().value());
        assertThat(transactions.read(sameSlug.id(), () -> organizations.findById(sameSlug.id()))).isEmpty();
    }

    @Test
    void updateRenamesOnlyTheCurrentVersion() {
        var organization = stored(newOrganization());

        var renamed = transactions.write(organization.id(), () -> organizations.update(organization.renamed("New")));
        var stale = transactions.write(organization.id(), () -> organizations.update(organization.renamed("Stale")));

        assertThat(renamed).hasValueSatisfying(value -> {
            assertThat(value.name()).isEqualTo("New");
            assertThat(value.version()).isEqualTo(2);
        });
        assertThat(stale).isEmpty();
    }

    @Test
    void anotherOrganizationsTransactionSeesNothing() {
        var organization = stored(newOrganization());
        var other = stored(newOrganization());

        assertThatThrownBy(() -> transactions.read(other.id(), () -> organizations.findById(organization.id())))
                .as("the adapter refuses to be asked for a different tenant than the transaction's")
                .isInstanceOf(IllegalStateException.class);
    }
}
