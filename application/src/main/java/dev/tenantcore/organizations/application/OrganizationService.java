package dev.tenantcore.organizations.application;

import dev.tenantcore.apikeys.application.ApiKeyProvisioning;
import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class OrganizationService implements SignUpOrganizationUseCase, GetOrganizationUseCase, RenameOrganizationUseCase {
    static final String INITIAL_API_KEY_NAME = "default";

    private final OrganizationRepository organizations;
    private final ApiKeyProvisioning apiKeys;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, ApiKeyProvisioning apiKeys,
            TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public SignedUpOrganization signUp(SignUpOrganizationCommand command) {
        // The new organization's own id is the tenant of the transaction that creates it: row-level security
        // accepts the organization row and its first key, and nothing else.
        var id = OrganizationId.generate();
        var organization = Organization.create(id, command.name(), command.slug(), clock.instant());
        return transactions.write(id, () -> {
            organizations.insert(organization);
            var key = apiKeys.issueFor(id, INITIAL_API_KEY_NAME);
            return new SignedUpOrganization(organization, key);
        });
    }

    @Override
    public Organization current() {
        currentTenant.require(Permission.ORGANIZATION_READ);
        var id = currentTenant.organizationId();
        return transactions.read(id, () -> load(id));
    }

    @Override
    public Organization rename(RenameOrganizationCommand command) {
        currentTenant.require(Permission.ORGANIZATION_MANAGE);
        var id = currentTenant.organizationId();
        return transactions.write(id, () -> {
            var organization = load(id);
            command.expectedVersion().check(organization.version());
            return organizations.update(organization.renamed(command.name()))
                    .orElseThrow(() -> new ConflictException("the organization was changed concurrently; retry"));
        });
    }

    private Organization load(OrganizationId id) {
        return organizations.findById(id).orElseThrow(() -> new ResourceNotFoundException("organization"));
    }
}
