package dev.tenantcore.access.application;

import static dev.tenantcore.access.domain.MembershipTestData.aMembership;
import static dev.tenantcore.access.domain.RoleTestData.aRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final TestAccessServices access = new TestAccessServices(transactions, clock);
    private final InMemoryRoleRepository roles = access.roles;
    /** As in the database, the built-in roles come with the organization: before (older than) any custom one. */
    private final Role tenantOwner = roles.builtin(tenant, BuiltinRole.OWNER);
    private final RoleService service = serviceWith(FixedCurrentTenant.of(tenant));
    /** Roles managers who may read and write tasks, nothing more. */
    private final RoleService taskManager = serviceWith(FixedCurrentTenant.of(tenant).withOnly(
            AccessPermissions.ROLES_MANAGE, AccessPermissions.MEMBERS_READ, TaskPermissions.READ, TaskPermissions.WRITE));

    private RoleService serviceWith(FixedCurrentTenant currentTenant) {
        return access.roleService(currentTenant, () -> Caller.SYSTEM);
    }

    private Role given(Role role) {
        roles.given(role);
        return role;
    }

    private Role aCustomRole(Permission... permissions) {
        return given(aRole().withOrganizationId(tenant).withPermissions(permissions).build());
    }

    private static UpdateRoleCommand permissionsOf(RoleId id, Permission... permissions) {
        return new UpdateRoleCommand(id, ExpectedVersion.ANY, FieldChange.unchanged(), FieldChange.unchanged(),
                FieldChange.to(Set.of(permissions)));
    }

    @Nested
    class Reading {

        @Test
        void listsCustomRolesNewestFirstThenTheBuiltinOnesInAReadOnlyTransaction() {
            var older = given(aRole().withOrganizationId(tenant).withName("older").build());
            given(aRole().withOrganizationId(otherTenant).build());
            var newer = given(aRole().withOrganizationId(tenant).withName("newer").build());

            var page = service.list(PageRequest.first(10));

            assertThat(page.items()).extracting(Role::name).hasSize(6);
            assertThat(page.items().subList(0, 2)).containsExactly(newer, older);
            assertThat(page.items().subList(2, 6)).allMatch(role -> !role.isCustom()).contains(tenantOwner);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, true, Outcome.COMMITTED));
        }

        @Test
        void getsOneRoleAndAnotherTenantsIsNotFound() {
            var mine = aCustomRole();
            var theirs = given(aRole().withOrganizationId(otherTenant).build());

            assertThat(service.get(mine.id())).isEqualTo(mine);
            assertThat(service.get(roles.builtin(tenant, BuiltinRole.VIEWER).id()).permissions())
                    .containsExactlyInAnyOrder(OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ,
                            TaskPermissions.READ);
            assertThatThrownBy(() -> service.get(theirs.id())).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service.get(RoleId.generate())).isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void readingNeedsMembersRead() {
            var denied = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.ROLES_MANAGE));

            assertThatThrownBy(() -> denied.list(PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> denied.get(RoleId.generate())).isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }
    }

    @Nested
    class Creating {

        @Test
        void storesACustomRoleInOneWriteTransaction() {
            var created = service.create(new CreateRoleCommand("support", "Answers customers",
                    Set.of(TaskPermissions.READ, AccessPermissions.MEMBERS_READ)));

            assertThat(created.organizationId()).isEqualTo(tenant);
            assertThat(created.isCustom()).isTrue();
            assertThat(created.createdAt()).isEqualTo(NOW);
            assertThat(roles.stored(created.id())).contains(created);
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void aTakenNameIsAConflict() {
            aCustomRole();

            assertThatThrownBy(() -> service.create(new CreateRoleCommand("support", null, Set.of())))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> service.create(new CreateRoleCommand("admin", null, Set.of())))
                    .as("built-in names are taken too").isInstanceOf(ConflictException.class);
        }

        @Test
        void theSameNameInAnotherOrganizationIsFine() {
            given(aRole().withOrganizationId(otherTenant).withName("support").build());

            assertThat(service.create(new CreateRoleCommand("support", null, Set.of())).name()).isEqualTo("support");
        }

        @Test
        void anInvalidNameIsRefusedBeforeAnythingIsWritten() {
            assertThatThrownBy(() -> service.create(new CreateRoleCommand("Support Team", null, Set.of())))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void aRoleMayGrantOnlyPermissionsTheCallerHolds() {
            assertThat(taskManager.create(new CreateRoleCommand("writer", null,
                    Set.of(TaskPermissions.WRITE))).permissions()).containsExactly(TaskPermissions.WRITE);
            assertThatThrownBy(() -> taskManager.create(new CreateRoleCommand("auditor", null,
                    Set.of(TaskPermissions.READ, AuditPermissions.READ))))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("audit:read");
            assertThat(roles.writes()).hasSize(1);
        }

        @Test
        void creatingNeedsRolesManage() {
            var reader = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_READ));

            assertThatThrownBy(() -> reader.create(new CreateRoleCommand("x", null, Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void nullPermissionsAreAnInvalidField() {
            assertThatThrownBy(() -> new CreateRoleCommand("x", null, null))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("permissions"));
        }
    }

    @Nested
    class Changing {

        @Test
        void changesTheGivenFieldsAndBumpsTheVersion() {
            var role = given(aRole().withOrganizationId(tenant).withName("support").withDescription("old")
                    .withPermissions(TaskPermissions.READ).build());

            var renamed = service.update(new UpdateRoleCommand(role.id(), ExpectedVersion.exactly(1),
                    FieldChange.to("helpdesk"), FieldChange.to(null), FieldChange.unchanged()));

            assertThat(renamed.name()).isEqualTo("helpdesk");
            assertThat(renamed.description()).isNull();
            assertThat(renamed.permissions()).containsExactly(TaskPermissions.READ);
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(service.update(permissionsOf(role.id(), AuditPermissions.READ)).permissions())
                    .containsExactly(AuditPermissions.READ);
        }

        @Test
        void aChangeOfPermissionsIsReportedOnceCommittedAndARenameIsNot() {
            var role = aCustomRole(TaskPermissions.READ);

            service.update(new UpdateRoleCommand(role.id(), ExpectedVersion.exactly(1),
                    FieldChange.to("helpdesk"), FieldChange.unchanged(), FieldChange.unchanged()));
            assertThat(access.permissionChanges.changed()).as("renamed only").isEmpty();

            service.update(permissionsOf(role.id(), AuditPermissions.READ));
            assertThat(access.permissionChanges.changed()).containsExactly(tenant);
        }

        @ParameterizedTest
        @EnumSource(BuiltinRole.class)
        void builtinRolesCannotBeChanged(BuiltinRole kind) {
            var builtin = roles.builtin(tenant, kind);

            assertThatThrownBy(() -> service.update(permissionsOf(builtin.id(), TaskPermissions.READ)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("built-in role '" + kind.code() + "' cannot be changed");
            assertThat(roles.stored(builtin.id())).contains(builtin);
            assertThat(roles.writes()).isEmpty();
        }

        @Test
        void theCallerMustHoldThePermissionsBeforeAndAfter() {
            var auditor = given(aRole().withOrganizationId(tenant).withName("auditor")
                    .withPermissions(AuditPermissions.READ).build());
            var reader = given(aRole().withOrganizationId(tenant).withName("reader")
                    .withPermissions(TaskPermissions.READ).build());

            assertThatThrownBy(() -> taskManager.update(permissionsOf(auditor.id(), TaskPermissions.READ)))
                    .as("taking away what the caller lacks").isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> taskManager.update(permissionsOf(reader.id(), AuditPermissions.READ)))
                    .as("granting what the caller lacks").isInstanceOf(AccessDeniedException.class);
            assertThat(taskManager.update(permissionsOf(reader.id(), TaskPermissions.WRITE)).permissions())
                    .containsExactly(TaskPermissions.WRITE);
        }

        @Test
        void aStaleVersionOrATakenNameIsRefused() {
            var role = aCustomRole();
            given(aRole().withOrganizationId(tenant).withName("taken").build());

            assertThatThrownBy(() -> service.update(new UpdateRoleCommand(role.id(), ExpectedVersion.exactly(9),
                    FieldChange.to("x"), FieldChange.unchanged(), FieldChange.unchanged())))
                    .isInstanceOf(StaleVersionException.class);
            assertThatThrownBy(() -> service.update(new UpdateRoleCommand(role.id(), ExpectedVersion.ANY,
                    FieldChange.to("taken"), FieldChange.unchanged(), FieldChange.unchanged())))
                    .isInstanceOf(ConflictException.class);
            assertThat(roles.stored(role.id())).contains(role);
        }

        @Test
        void nothingToChangeWritesNothing() {
            var role = aCustomRole();

            assertThat(service.update(new UpdateRoleCommand(role.id(), ExpectedVersion.ANY, FieldChange.unchanged(),
                    FieldChange.unchanged(), FieldChange.unchanged()))).isEqualTo(role);
            assertThat(roles.writes()).isEmpty();
        }

        @Test
        void nullPermissionsAreAnInvalidField() {
            assertThatThrownBy(() -> new UpdateRoleCommand(RoleId.generate(), ExpectedVersion.ANY,
                    FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.to(null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("permissions"));
        }

        @Test
        void anotherTenantsRoleIsNotFound() {
            var theirs = given(aRole().withOrganizationId(otherTenant).build());

            assertThatThrownBy(() -> service.update(permissionsOf(theirs.id())))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service.delete(theirs.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(roles.stored(theirs.id())).contains(theirs);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletesACustomRoleAndItsHoldersLoseIt() {
            var role = aCustomRole(TaskPermissions.READ);
            var viewer = roles.builtin(tenant, BuiltinRole.VIEWER);
            var holder = aMembership().withOrganizationId(tenant).holding(role, viewer).build();
            access.memberships.given(holder);

            service.delete(role.id(), ExpectedVersion.exactly(1));

            assertThat(roles.stored(role.id())).isEmpty();
            assertThat(access.memberships.stored(tenant, holder.userId()).orElseThrow().roleIds())
                    .containsExactly(viewer.id());
            assertThat(access.permissionChanges.changed()).as("reported after the commit").containsExactly(tenant);
        }

        @Test
        void aRefusedDeletionReportsNothing() {
            var role = aCustomRole(TaskPermissions.READ);

            assertThatThrownBy(() -> service.delete(role.id(), ExpectedVersion.exactly(9)));

            assertThat(access.permissionChanges.changed()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(BuiltinRole.class)
        void builtinRolesCannotBeDeleted(BuiltinRole kind) {
            var builtin = roles.builtin(tenant, kind);

            assertThatThrownBy(() -> service.delete(builtin.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("cannot be deleted");
            assertThat(roles.stored(builtin.id())).isPresent();
        }

        @Test
        void theCallerMustHoldEverythingTheRoleGrants() {
            var auditor = aCustomRole(AuditPermissions.READ);

            assertThatThrownBy(() -> taskManager.delete(auditor.id(), ExpectedVersion.ANY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(roles.stored(auditor.id())).isPresent();
        }

        @Test
        void aStaleVersionIsRefused() {
            var role = aCustomRole();

            assertThatThrownBy(() -> service.delete(role.id(), ExpectedVersion.exactly(2)))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(roles.stored(role.id())).isPresent();
        }

        @Test
        void deletingNeedsRolesManage() {
            var reader = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_READ));

            assertThatThrownBy(() -> reader.delete(RoleId.generate(), ExpectedVersion.ANY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.update(permissionsOf(RoleId.generate())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }
    }
}
