package dev.tenantcore.access.domain;

import static dev.tenantcore.access.domain.RoleTestData.aRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {
    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    @Test
    void customRolesStartAtVersionOneWithTheirPermissions() {
        var organizationId = OrganizationId.generate();

        var role = Role.custom(organizationId, "support", "Answers customers",
                Set.of(TaskPermissions.READ, AccessPermissions.MEMBERS_READ), NOW);

        assertThat(role.organizationId()).isEqualTo(organizationId);
        assertThat(role.name()).isEqualTo("support");
        assertThat(role.description()).isEqualTo("Answers customers");
        assertThat(role.builtin()).isNull();
        assertThat(role.isCustom()).isTrue();
        assertThat(role.permissions()).containsExactlyInAnyOrder(TaskPermissions.READ, AccessPermissions.MEMBERS_READ);
        assertThat(role.permissionCodes()).containsExactly("members:read", "tasks:read");
        assertThat(role.version()).isEqualTo(1);
        assertThat(role.createdAt()).isEqualTo(NOW);
        assertThat(role.updatedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "support", "tier-2", "on_call", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsLowerCaseNamesOfUpTo63Characters(String name) {
        assertThat(aRole().withName(name).build().name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Support", "-lead", "_x", "with space", "émile", "a.b",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesOtherNamesNamingTheField(String name) {
        assertThatThrownBy(() -> aRole().withName(name).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aBlankNameIsMissing() {
        assertThatThrownBy(() -> aRole().withName("  ").build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.getMessage()).contains("blank"));
    }

    @Test
    void theDescriptionIsOptionalAndAtMost500Characters() {
        assertThat(aRole().withDescription(null).build().description()).isNull();
        assertThat(aRole().withDescription("d".repeat(500)).build().description()).hasSize(500);
        assertThatThrownBy(() -> aRole().withDescription("d".repeat(501)).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void theRoleKeepsItsOwnCopyOfThePermissions() {
        var permissions = new HashSet<>(Set.of(TaskPermissions.READ));
        var role = Role.custom(OrganizationId.generate(), "reader", null, permissions, NOW);

        permissions.add(AuditPermissions.READ);

        assertThat(role.permissions()).containsExactly(TaskPermissions.READ);
        assertThatThrownBy(() -> role.permissions().add(AuditPermissions.READ))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(BuiltinRole.class)
    void aBuiltinRoleIsNamedAfterItsKind(BuiltinRole kind) {
        var role = RoleTestData.builtin(OrganizationId.generate(), kind);

        assertThat(role.name()).isEqualTo(kind.code());
        assertThat(role.is(kind)).isTrue();
        assertThat(role.isCustom()).isFalse();
        assertThatThrownBy(() -> new Role(role.id(), role.organizationId(), "other", null, kind, Set.of(), 1, NOW,
                NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revisedReplacesTheDefinitionAndKeepsIdentityVersionAndCreation() {
        var role = aRole().withName("old").withDescription("before").withVersion(3).build();

        var revised = role.revised("new", null, Set.of(AuditPermissions.READ));

        assertThat(revised.name()).isEqualTo("new");
        assertThat(revised.description()).isNull();
        assertThat(revised.permissions()).containsExactly(AuditPermissions.READ);
        assertThat(revised.id()).isEqualTo(role.id());
        assertThat(revised.version()).isEqualTo(3);
        assertThat(revised.createdAt()).isEqualTo(role.createdAt());
        assertThat(role.name()).isEqualTo("old");
    }

    @Test
    void revisedValidatesTheNewName() {
        var role = aRole().build();

        assertThatThrownBy(() -> role.revised("Not Valid", null, Set.of()))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @EnumSource(BuiltinRole.class)
    void builtinRolesCannotBeChangedOrDeleted(BuiltinRole kind) {
        var role = RoleTestData.builtin(OrganizationId.generate(), kind);

        assertThatThrownBy(() -> role.revised(role.name(), "mine now", role.permissions()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("built-in role '" + kind.code() + "'");
        assertThatThrownBy(role::checkDeletable)
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be deleted");
    }

    @Test
    void customRolesMayBeDeleted() {
        aRole().build().checkDeletable();
    }

    @Test
    void permissionsAreNamedByTheirCodes() {
        assertThat(Role.permissionsNamed("permissions", List.of("tasks:read", "audit:read", "tasks:read")))
                .containsExactlyInAnyOrder(TaskPermissions.READ, AuditPermissions.READ);
        assertThat(Role.permissionsNamed("permissions", List.of())).isEmpty();
        assertThat(Role.permissionsNamed("permissions", TestPermissions.ALL.stream().map(Permission::code).toList()))
                .containsExactlyInAnyOrderElementsOf(TestPermissions.ALL);
    }

    @Test
    void aCodeThatCannotNameAPermissionIsAnInvalidFieldThatNamesTheCode() {
        assertThatThrownBy(() -> Role.permissionsNamed("permissions", List.of("tasks:read", "TASKS_READ")))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("permissions");
                    assertThat(e.getMessage()).contains("'TASKS_READ'");
                });
    }

    @Test
    void theCatalogueRefusesAPermissionItDoesNotHoldAndNamesIt() {
        PermissionCatalogue catalogue = () -> TestPermissions.ALL;
        var named = Role.permissionsNamed("permissions", List.of("tasks:read", "tasks:delete"));

        assertThatThrownBy(() -> catalogue.requireKnown("permissions", named))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("permissions");
                    assertThat(e.getMessage()).contains("'tasks:delete'").contains("tasks:write");
                });
    }

    @Test
    void nullCodesOrANullListAreInvalidNotACrash() {
        assertThatThrownBy(() -> Role.permissionsNamed("permissions", Arrays.asList("tasks:read", null)))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("permissions"));
        assertThatThrownBy(() -> Role.permissionsNamed("permissions", null))
                .isInstanceOf(InvariantViolationException.class);
    }
}
