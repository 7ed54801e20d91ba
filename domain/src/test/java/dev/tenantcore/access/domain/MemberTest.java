package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.MembershipTestData.aMembership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberTest {
    private final OrganizationId organization = OrganizationId.generate();
    private final Role viewer = RoleTestData.builtin(organization, BuiltinRole.VIEWER);
    private final Role admin = RoleTestData.builtin(organization, BuiltinRole.ADMIN);

    @Test
    void roleNamesAreSortedAndTheDisplayNameIsOptional() {
        var member = new Member(aMembership().holding(viewer, admin).build(), "ada@example.com", null,
                List.of("viewer", "admin"));

        assertThat(member.roleNames()).containsExactly("admin", "viewer");
        assertThat(member.displayName()).isNull();
    }

    @Test
    void thereIsOneNamePerRoleHeld() {
        assertThatThrownBy(() -> new Member(aMembership().holding(viewer).build(), "ada@example.com", "Ada",
                List.of("viewer", "admin"))).isInstanceOf(IllegalArgumentException.class);
    }
}
