package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.TestPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.application.RecordingPermissionChanges;
import java.time.Clock;

/**
 * The access context's services over in-memory repositories, wired as Micronaut wires them, for its own tests and
 * for tests of the contexts that use its ports (API keys, sign-up).
 */
public final class TestAccessServices {
    public final InMemoryRoleRepository roles;
    public final InMemoryMembershipRepository memberships;
    public final InMemoryApiKeyRoleRepository apiKeyRoles;
    /** What the role service reported as changed permissions, after each commit. */
    public final RecordingPermissionChanges permissionChanges;
    private final FakeTenantTransactions transactions;
    private final Clock clock;

    public TestAccessServices(FakeTenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.roles = new InMemoryRoleRepository(transactions, clock);
        this.memberships = new InMemoryMembershipRepository(transactions, clock, roles);
        this.apiKeyRoles = new InMemoryApiKeyRoleRepository(transactions, roles);
        this.permissionChanges = new RecordingPermissionChanges(transactions);
    }

    public ApiKeyRoles apiKeyRolesFor(CurrentTenant currentTenant, CurrentCaller currentCaller) {
        return new ApiKeyRoleService(apiKeyRoles, roles, grantors(currentTenant, currentCaller), transactions);
    }

    public MemberProvisioning memberProvisioning() {
        // Provisioning serves sign-up and login: nobody is authenticated, and it asks nobody's permissions.
        return memberService(FixedCurrentTenant.unauthenticated(), () -> Caller.SYSTEM);
    }

    MemberService memberService(CurrentTenant currentTenant, CurrentCaller currentCaller) {
        return new MemberService(memberships, roles, grantors(currentTenant, currentCaller), transactions,
                currentTenant, clock);
    }

    RoleService roleService(CurrentTenant currentTenant, CurrentCaller currentCaller) {
        return new RoleService(roles, () -> TestPermissions.ALL, grantors(currentTenant, currentCaller),
                transactions, currentTenant, permissionChanges, clock);
    }

    private Grantors grantors(CurrentTenant currentTenant, CurrentCaller currentCaller) {
        return new Grantors(roles, memberships, apiKeyRoles, currentTenant, currentCaller);
    }
}
