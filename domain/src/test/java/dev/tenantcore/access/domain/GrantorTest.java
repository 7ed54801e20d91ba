package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.RoleTestData.aRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GrantorTest {
    private static final Set<Permission> EVERYTHING = EnumSet.allOf(Permission.class);
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
                aRole().withPermissions(Permission.TASKS_READ).build()))).doesNotThrowAnyException();
        assertThatCode(() -> grantor.requireMayGrant(aRole().withPermissions().build())).doesNotThrowAnyException();
    }

    @Test
    void aRoleGrantingAPermissionTheGrantorLacksIsRefusedNamingWhatIsLacking() {
        var grantor = grantor(EnumSet.of(Permission.MEMBERS_MANAGE, Permission.MEMBERS_READ, Permission.TASKS_READ),
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
        var grantor = grantor(EnumSet.of(Permission.ROLES_MANAGE, Permission.TASKS_READ), false);

        assertThatCode(() -> grantor.requireHolds(EnumSet.of(Permission.TASKS_READ))).doesNotThrowAnyException();
        assertThatCode(() -> grantor.requireHolds(Set.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> grantor.requireHolds(EnumSet.of(Permission.TASKS_READ, Permission.AUDIT_READ)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("audit:read")
                .hasMessageNotContaining("tasks:read");
    }
}
