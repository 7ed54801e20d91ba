package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.MembershipTestData.aMembership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembershipTest {
    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");
    private final RoleId owner = RoleId.generate();
    private final RoleId viewer = RoleId.generate();

    @Test
    void aNewMemberIsActiveAtVersionOneWithItsRoles() {
        var organizationId = OrganizationId.generate();
        var userId = UserId.generate();

        var membership = Membership.create(organizationId, userId, Set.of(owner, viewer), NOW);

        assertThat(membership.organizationId()).isEqualTo(organizationId);
        assertThat(membership.userId()).isEqualTo(userId);
        assertThat(membership.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(membership.roleIds()).containsExactlyInAnyOrder(owner, viewer);
        assertThat(membership.version()).isEqualTo(1);
        assertThat(membership.createdAt()).isEqualTo(NOW);
    }

    @Test
    void nobodyIsMadeAMemberOrLeftOneWithoutRoles() {
        assertThatThrownBy(() -> Membership.create(OrganizationId.generate(), UserId.generate(), Set.of(), NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> aMembership().build().withRoles(Set.of()))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.getMessage()).contains("suspend"));
    }

    @Test
    void aStoredMembershipMayHoldNoRoleAfterItsOnlyRoleWasDeleted() {
        var stored = new Membership(OrganizationId.generate(), UserId.generate(), MembershipStatus.ACTIVE, Set.of(), 3,
                NOW, NOW);

        assertThat(stored.roleIds()).isEmpty();
    }

    @Test
    void withRolesAndWithStatusChangeOnlyThatAndKeepTheVersion() {
        var membership = new Membership(OrganizationId.generate(), UserId.generate(), MembershipStatus.ACTIVE,
                Set.of(owner), 4, NOW, NOW);

        var reassigned = membership.withRoles(Set.of(viewer));
        var suspended = membership.withStatus(MembershipStatus.SUSPENDED);

        assertThat(reassigned.roleIds()).containsExactly(viewer);
        assertThat(reassigned.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(reassigned.version()).isEqualTo(4);
        assertThat(suspended.status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(suspended.roleIds()).containsExactly(owner);
        assertThat(membership.roleIds()).containsExactly(owner);
    }

    @Test
    void onlyAnActiveMemberActsWithTheRolesItHolds() {
        var active = new Membership(OrganizationId.generate(), UserId.generate(), MembershipStatus.ACTIVE,
                Set.of(owner), 1, NOW, NOW);

        assertThat(active.isActiveHolderOf(owner)).isTrue();
        assertThat(active.isActiveHolderOf(viewer)).isFalse();
        assertThat(active.withStatus(MembershipStatus.SUSPENDED).isActiveHolderOf(owner)).isFalse();
    }

    @Test
    void equalMembershipsHoldEqualRoleSets() {
        var membership = new Membership(OrganizationId.generate(), UserId.generate(), MembershipStatus.ACTIVE,
                Set.of(owner, viewer), 1, NOW, NOW);

        assertThat(membership.withRoles(Set.of(viewer, owner))).isEqualTo(membership);
    }

    @ParameterizedTest
    @EnumSource(MembershipStatus.class)
    void statusCodesRoundTrip(MembershipStatus status) {
        assertThat(MembershipStatus.fromCode(status.code())).isEqualTo(status);
    }

    @Test
    void anUnknownStatusIsAnInvalidStatusField() {
        for (var code : new String[] {"ACTIVE", "deleted", "", null}) {
            assertThatThrownBy(() -> MembershipStatus.fromCode(code))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("status"));
        }
    }

    @Test
    void builtinRoleCodesRoundTrip() {
        for (var role : BuiltinRole.values()) {
            assertThat(BuiltinRole.fromCode(role.code())).contains(role);
        }
        assertThat(BuiltinRole.fromCode("superuser")).isEmpty();
    }
}
