package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.PermissionCatalogue;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.PermissionChanges;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

@Singleton
final class RoleService implements ListRolesUseCase, GetRoleUseCase, CreateRoleUseCase, UpdateRoleUseCase,
        DeleteRoleUseCase {

    /** The request field that names permissions, as invalid-input problems report it. */
    private static final String PERMISSIONS = "permissions";

    private final RoleRepository roles;
    private final Grantors grantors;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final PermissionChanges permissionChanges;
    private final PermissionCatalogue catalogue;
    private final Clock clock;

    RoleService(RoleRepository roles, PermissionCatalogue catalogue, Grantors grantors,
            TenantTransactions transactions, CurrentTenant currentTenant, PermissionChanges permissionChanges,
            Clock clock) {
        this.roles = roles;
        this.catalogue = catalogue;
        this.grantors = grantors;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.permissionChanges = permissionChanges;
        this.clock = clock;
    }

    @Override
    public Page<Role> list(PageRequest<RoleId> page) {
        currentTenant.require(AccessPermissions.MEMBERS_READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> roles.list(organizationId, page));
    }

    @Override
    public Role get(RoleId id) {
        currentTenant.require(AccessPermissions.MEMBERS_READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Role create(CreateRoleCommand command) {
        currentTenant.require(AccessPermissions.ROLES_MANAGE);
        var organizationId = currentTenant.organizationId();
        var role = Role.custom(organizationId, command.name(), command.descriptionOrNull(), command.permissions(),
                clock.instant());
        return transactions.write(organizationId, () -> {
            catalogue.requireKnown(PERMISSIONS, role.permissions());
            grantors.forCaller(organizationId).requireHolds(role.permissions());
            roles.insert(role);
            return role;
        });
    }

    @Override
    public Role update(UpdateRoleCommand command) {
        currentTenant.require(AccessPermissions.ROLES_MANAGE);
        var organizationId = currentTenant.organizationId();
        var updated = transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(
                    command.name().orElse(current.name()),
                    command.description().orElse(current.description()),
                    command.permissions().orElse(current.permissions()));
            catalogue.requireKnown(PERMISSIONS, revised.permissions());
            // Changing a role grants its holders the new permissions and takes the old ones away.
            grantors.forCaller(organizationId).requireHolds(union(current.permissions(), revised.permissions()));
            return roles.update(revised).orElseThrow(RoleService::concurrentChange);
        });
        if (command.permissions().isChange()) {
            permissionChanges.changedIn(organizationId); // after the commit, so nothing reads the old grants back
        }
        return updated;
    }

    @Override
    public void delete(RoleId id, ExpectedVersion expectedVersion) {
        currentTenant.require(AccessPermissions.ROLES_MANAGE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var role = load(organizationId, id);
            expectedVersion.check(role.version());
            role.checkDeletable();
            // Deleting a role takes its permissions away from everyone holding it.
            grantors.forCaller(organizationId).requireHolds(role.permissions());
            if (!roles.delete(organizationId, id, role.version())) {
                throw concurrentChange();
            }
            return null;
        });
        permissionChanges.changedIn(organizationId);
    }

    private Role load(OrganizationId organizationId, RoleId id) {
        return roles.findById(organizationId, id).orElseThrow(() -> new ResourceNotFoundException("role"));
    }

    private static Set<Permission> union(Set<Permission> first, Set<Permission> second) {
        var all = new HashSet<Permission>();
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the role was changed concurrently; retry");
    }
}
