package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/** Creates organizations (the tenants) for tests that need rows belonging to one. */
@Singleton
public final class TestOrganizations {
    private final OrganizationRepository organizations;
    private final TenantTransactions transactions;

    TestOrganizations(OrganizationRepository organizations, TenantTransactions transactions) {
        this.organizations = organizations;
        this.transactions = transactions;
    }

    public OrganizationId create() {
        var id = OrganizationId.generate();
        var slug = new Slug("test-" + UUID.randomUUID().toString().substring(0, 13));
        transactions.write(id, () -> {
            organizations.insert(Organization.create(id, "Test organization " + slug, slug, Instant.now()));
            return null;
        });
        return id;
    }
}
