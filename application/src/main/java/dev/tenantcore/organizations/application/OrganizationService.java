package dev.tenantcore.organizations.application;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.apikeys.application.ApiKeyProvisioning;
import dev.tenantcore.identity.application.OwnerAccounts;
import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

@Singleton
final class OrganizationService implements SignUpOrganizationUseCase, GetOrganizationUseCase, RenameOrganizationUseCase {
    static final String INITIAL_API_KEY_NAME = "default";
    static final String OWNER_ROLE = "owner";

    private final OrganizationRepository organizations;
    private final ApiKeyProvisioning apiKeys;
    private final OwnerAccounts owners;
    private final MemberProvisioning members;
    private final List<OrganizationSetup> setups;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, ApiKeyProvisioning apiKeys, OwnerAccounts owners,
            MemberProvisioning members, List<OrganizationSetup> setups, TenantTransactions transactions,
            CurrentTenant currentTenant, CurrentCaller currentCaller, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.owners = owners;
        this.members = members;
        this.setups = List.copyOf(setups);
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Override
    public SignedUpOrganization signUp(SignUpOrganizationCommand command) {
        var caller = currentCaller.caller().actor();
        if (caller.type() == Actor.Type.API_KEY) {
            throw new AccessDeniedException("an organization is signed up anonymously or by a person with their "
                    + "access token, not with an API key");
        }
        // The new organization's own id is the tenant of the transaction that creates it: row-level security
        // accepts the organization row and its first key, and nothing else.
        var id = OrganizationId.generate();
        var organization = Organization.create(id, command.name(), command.slug(), clock.instant());
        var owner = ownerOf(command, caller);
        if (owner == null) {
            return transactions.write(id, () -> {
                organizations.insert(organization);
                setups.forEach(setup -> setup.prepare(id));
                return new SignedUpOrganization(organization, apiKeys.issueFor(id, INITIAL_API_KEY_NAME), null);
            });
        }
        // The transaction's user is the owner, so that their account rows may be written (or read).
        return transactions.writeForUser(id, owner.userId(), () -> {
            organizations.insert(organization);
            setups.forEach(setup -> setup.prepare(id));
            owners.save(owner);
            members.addMember(id, owner.userId(), Set.of(OWNER_ROLE));
            return new SignedUpOrganization(organization, apiKeys.issueFor(id, INITIAL_API_KEY_NAME),
                    owner.userId());
        });
    }

    /**
     * The signed-in person, or a new account for the owner the command describes (hashed here, before the
     * transaction: the slow part holds no connection), or none.
     */
    private OwnerAccounts.PreparedOwner ownerOf(SignUpOrganizationCommand command, Actor caller) {
        if (caller.type() == Actor.Type.USER) {
            if (command.owner() != null) {
                throw new InvariantViolationException("owner", "leave it out when signed in: you become the owner");
            }
            return owners.signedIn(new UserId(caller.id()));
        }
        if (command.owner() == null) {
            return null;
        }
        return owners.prepare(command.owner().email(), command.owner().password(), command.owner().displayName());
    }

    @Override
    public Organization current() {
        currentTenant.require(OrganizationPermissions.READ);
        var id = currentTenant.organizationId();
        return transactions.read(id, () -> load(id));
    }

    @Override
    public Organization rename(RenameOrganizationCommand command) {
        currentTenant.require(OrganizationPermissions.MANAGE);
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
