package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Singleton
final class MemberService implements ListMembersUseCase, GetMemberUseCase, UpdateMemberUseCase, RemoveMemberUseCase,
        MemberProvisioning {

    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final Grantors grantors;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    MemberService(MembershipRepository memberships, RoleRepository roles, Grantors grantors,
            TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.memberships = memberships;
        this.roles = roles;
        this.grantors = grantors;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Page<Member> list(PageRequest<UserId> page) {
        currentTenant.require(AccessPermissions.MEMBERS_READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> memberships.list(organizationId, page));
    }

    @Override
    public Member get(UserId userId) {
        currentTenant.require(AccessPermissions.MEMBERS_READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> loadMember(organizationId, userId));
    }

    @Override
    public Member update(UpdateMemberCommand command) {
        currentTenant.require(AccessPermissions.MEMBERS_MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.userId());
            command.expectedVersion().check(current.version());
            var grantor = grantors.forCaller(organizationId);
            var revised = current;
            if (command.roleNames() instanceof FieldChange.SetTo<Set<String>>(Set<String> names)) {
                var granted = RoleNames.resolve(roles, organizationId, names);
                var grantedIds = ids(granted);
                grantor.requireMayGrant(granted.stream().filter(role -> !current.roleIds().contains(role.id()))
                        .toList());
                grantor.requireMayGrant(roles.findByIds(organizationId, without(current.roleIds(), grantedIds)));
                revised = revised.withRoles(grantedIds);
            }
            var newStatus = command.status().orElse(current.status());
            if (newStatus != current.status()) {
                // Suspending or reactivating someone takes away or gives back everything they hold.
                grantor.requireMayGrant(roles.findByIds(organizationId, current.roleIds()));
                revised = revised.withStatus(newStatus);
            }
            if (revised.equals(current)) {
                return loadMember(organizationId, command.userId());
            }
            keepAnActiveOwner(organizationId, current, revised);
            memberships.update(revised).orElseThrow(MemberService::concurrentChange);
            return loadMember(organizationId, command.userId());
        });
    }

    @Override
    public void remove(UserId userId, ExpectedVersion expectedVersion) {
        currentTenant.require(AccessPermissions.MEMBERS_MANAGE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var current = load(organizationId, userId);
            expectedVersion.check(current.version());
            grantors.forCaller(organizationId).requireMayGrant(roles.findByIds(organizationId, current.roleIds()));
            keepAnActiveOwner(organizationId, current, null);
            if (!memberships.delete(organizationId, userId, current.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
        var names = RoleNames.copyOf(roleNames);
        transactions.write(organizationId, () -> {
            var held = RoleNames.resolve(roles, organizationId, names);
            memberships.insert(Membership.create(organizationId, userId, ids(held), clock.instant()));
            return null;
        });
    }

    @Override
    public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
        return transactions.readLatest(organizationId,
                () -> memberships.activeMemberPermissions(organizationId, userId));
    }

    /**
     * Refuses a change after which the organization would have no active owner: nobody could then make owners,
     * so nobody could ever take the organization over again. {@code revised} null means the member goes.
     */
    private void keepAnActiveOwner(OrganizationId organizationId, Membership current, Membership revised) {
        var owner = roles.findBuiltin(organizationId, BuiltinRole.OWNER)
                .orElseThrow(() -> new IllegalStateException("organization " + organizationId + " has no owner role"))
                .id();
        if (!current.isActiveHolderOf(owner) || revised != null && revised.isActiveHolderOf(owner)) {
            return;
        }
        if (memberships.lockOwnersAndCountOthers(organizationId, current.userId()) == 0) {
            String what;
            if (revised == null) {
                what = "be removed";
            } else if (revised.status() == MembershipStatus.SUSPENDED) {
                what = "be suspended";
            } else {
                what = "lose the owner role";
            }
            throw new ConflictException("the organization's last active owner cannot " + what
                    + "; make another member an owner first");
        }
    }

    private Membership load(OrganizationId organizationId, UserId userId) {
        return memberships.findById(organizationId, userId).orElseThrow(MemberService::notFound);
    }

    private Member loadMember(OrganizationId organizationId, UserId userId) {
        return memberships.findMember(organizationId, userId).orElseThrow(MemberService::notFound);
    }

    private static Set<RoleId> ids(Collection<Role> roles) {
        return roles.stream().map(Role::id).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<RoleId> without(Set<RoleId> all, Set<RoleId> removed) {
        var rest = new HashSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("member");
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the member was changed concurrently; retry");
    }
}
