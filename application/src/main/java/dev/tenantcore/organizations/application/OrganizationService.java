package dev.tenantcore.organizations.application;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.apikeys.application.ApiKeyProvisioning;
import dev.tenantcore.identity.application.OwnerAccounts;
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
import java.util.Set;

@Singleton
final class OrganizationService implements SignUpOrganizationUseCase, GetOrganizationUseCase, RenameOrganizationUseCase {
    static final String INITIAL_API_KEY_NAME = "default";
    static final String OWNER_ROLE = "owner";

    private final OrganizationRepository organizations;
    private final ApiKeyProvisioning apiKeys;
    private final OwnerAccounts owners;
    private final MemberProvisioning members;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, ApiKeyProvisioning apiKeys, OwnerAccounts owners,
            MemberProvisioning members, TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.owners = owners;
        this.members = members;
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
        if (command.owner() == null) {
            return transactions.write(id, () -> {
                organizations.insert(organization);
                return new SignedUpOrganization(organization, apiKeys.issueFor(id, INITIAL_API_KEY_NAME), null);
            });
        }
        // The slow part (hashing, or checking an existing account's password) happens before the transaction; the
        // transaction's user is the owner, so that their account rows may be written.
        var owner = owners.prepare(command.owner().email(), command.owner().password(),
                command.owner().displayName());
        return transactions.writeForUser(id, owner.userId(), () -> {
            organizations.insert(organization);
            owners.save(owner);
            members.addMember(id, owner.userId(), Set.of(OWNER_ROLE));
            return new SignedUpOrganization(organization, apiKeys.issueFor(id, INITIAL_API_KEY_NAME),
                    owner.userId());
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
