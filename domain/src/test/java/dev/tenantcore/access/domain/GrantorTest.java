package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.RoleTestData.aRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GrantorTest {
    private static final Set<Permission> EVERYTHING = TestPermissions.ALL;
    private final OrganizationId organization = OrganizationId.generate();
    private final Role owner = RoleTestData.builtin(organization, BuiltinRole.OWNER);
    private final Role admin = RoleTestData.builtin(organization, BuiltinRole.ADMIN);
    private final Role member = RoleTestData.builtin(organization, BuiltinRole.MEMBER);
    private final AtomicInteger ownershipLookups = new AtomicInteger();

    private Grantor grantor(Set<Permission> permissions, boolean owner) {
        return new Grantor(permissions, () -> {
            ownershipLookups.incrementAndGet();
            return owner;
        });
    }

    @Test
    void anyRoleWithinTheGrantorsPermissionsMayBeGranted() {
        var grantor = grantor(RoleTestData.BUILTIN_PERMISSIONS.get(BuiltinRole.MEMBER), false);

        assertThatCode(() -> grantor.requireMayGrant(List.of(member,
                aRole().withPermissions(TaskPermissions.READ).build()))).doesNotThrowAnyException();
        assertThatCode(() -> grantor.requireMayGrant(aRole().withPermissions().build())).doesNotThrowAnyException();
    }

    @Test
    void aRoleGrantingAPermissionTheGrantorLacksIsRefusedNamingWhatIsLacking() {
        var grantor = grantor(Set.of(AccessPermissions.MEMBERS_MANAGE, AccessPermissions.MEMBERS_READ, TaskPermissions.READ),
                false);

        assertThatThrownBy(() -> grantor.requireMayGrant(member))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("'member'")
                .hasMessageContaining("organization:read, tasks:write");
    }

    @Test
    void anAdminMayGrantAdminButNotOwner() {
        var grantor = grantor(EVERYTHING, false);

        assertThatCode(() -> grantor.requireMayGrant(admin)).doesNotThrowAnyException();
        assertThatThrownBy(() -> grantor.requireMayGrant(owner))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("only an owner");
    }

    @Test
    void anOwnerMayGrantOwner() {
        assertThatCode(() -> grantor(EVERYTHING, true).requireMayGrant(owner)).doesNotThrowAnyException();
    }

    @Test
    void ownershipIsLookedUpOnlyWhenTheOwnerRoleIsAtStakeAndThenOnce() {
        var grantor = grantor(EVERYTHING, true);

        grantor.requireMayGrant(List.of(admin, member));
        assertThat(ownershipLookups).hasValue(0);

        grantor.requireMayGrant(owner);
        grantor.requireMayGrant(owner);
        assertThat(ownershipLookups).hasValue(1);
    }

    @Test
    void aRoleDefinitionMayHoldOnlyPermissionsTheGrantorHolds() {
        var grantor = grantor(Set.of(AccessPermissions.ROLES_MANAGE, TaskPermissions.READ), false);

        assertThatCode(() -> grantor.requireHolds(Set.of(TaskPermissions.READ))).doesNotThrowAnyException();
        assertThatCode(() -> grantor.requireHolds(Set.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> grantor.requireHolds(Set.of(TaskPermissions.READ, AuditPermissions.READ)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("audit:read")
                .hasMessageNotContaining("tasks:read");
    }
}
