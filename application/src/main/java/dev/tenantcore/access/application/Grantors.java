package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.ApiKeyRoleRepository;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Grantor;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * The calling credential as a {@link Grantor}: its permissions are those the credential carries (CurrentTenant);
 * whether it is an owner is looked up, inside the running transaction, from the roles its actor holds now: a
 * user's through their membership (an active one), an API key's through its own roles.
 */
@Singleton
final class Grantors {
    private final RoleRepository roles;
    private final MembershipRepository memberships;
    private final ApiKeyRoleRepository apiKeyRoles;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;

    Grantors(RoleRepository roles, MembershipRepository memberships, ApiKeyRoleRepository apiKeyRoles,
            CurrentTenant currentTenant, CurrentCaller currentCaller) {
        this.roles = roles;
        this.memberships = memberships;
        this.apiKeyRoles = apiKeyRoles;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
    }

    Grantor forCaller(OrganizationId organizationId) {
        return new Grantor(currentTenant.permissions(), () -> callerIsOwner(organizationId));
    }

    private boolean callerIsOwner(OrganizationId organizationId) {
        var owner = roles.findBuiltin(organizationId, BuiltinRole.OWNER)
                .orElseThrow(() -> new IllegalStateException("organization " + organizationId + " has no owner role"))
                .id();
        var actor = currentCaller.caller().actor();
        return switch (actor.type()) {
            case USER -> memberships.findById(organizationId, new UserId(actor.id()))
                    .filter(membership -> membership.isActiveHolderOf(owner))
                    .isPresent();
            case API_KEY -> apiKeyRoles.rolesOf(organizationId, List.of(actor))
                    .getOrDefault(actor, Set.<RoleId>of())
                    .contains(owner);
            case SYSTEM, ANONYMOUS -> false;
        };
    }
}
