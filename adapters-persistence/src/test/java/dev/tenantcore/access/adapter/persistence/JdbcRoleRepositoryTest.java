package dev.tenantcore.access.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.adapter.persistence.TestPeople;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.tasks.domain.TaskPermissions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The RoleRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcRoleRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    RoleRepository roles;
    @Inject
    MembershipRepository memberships;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    TestPeople people;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Role stored(String name, Permission... permissions) {
        var role = Role.custom(organization, name, "about " + name,
                Set.of(permissions), NOW);
        inTenant(() -> {
            roles.insert(role);
            return null;
        });
        return role;
    }

    private Role builtin(BuiltinRole kind) {
        return inTenant(() -> roles.findBuiltin(organization, kind)).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(BuiltinRole.class)
    void everyOrganizationHasTheBuiltinRolesWithTheCataloguePermissions(BuiltinRole kind) {
        var role = builtin(kind);

        assertThat(role.name()).isEqualTo(kind.code());
        assertThat(role.builtin()).isEqualTo(kind);
        assertThat(role.organizationId()).isEqualTo(organization);
        assertThat(role.permissions()).isEqualTo(DatabasePermissions.grantedTo(kind.code()));
    }

    @Test
    void storesAndFindsACustomRoleWithItsPermissions() {
        var role = stored("support", TaskPermissions.READ, AccessPermissions.MEMBERS_READ);

        var found = inTenant(() -> roles.findById(organization, role.id())).orElseThrow();

        assertThat(found).isEqualTo(role);
    }

    @Test
    void aRoleWithoutPermissionsIsFine() {
        var role = stored("nothing");

        assertThat(inTenant(() -> roles.findById(organization, role.id()))).contains(role);
    }

    @Test
    void findsByExactNamesAndByIds() {
        var support = stored("support", TaskPermissions.READ);
        var viewer = builtin(BuiltinRole.VIEWER);

        assertThat(inTenant(() -> roles.findByNames(organization, Set.of("support", "viewer", "nobody"))))
                .containsExactlyInAnyOrder(support, viewer);
        assertThat(inTenant(() -> roles.findByNames(organization, Set.of("SUPPORT", "Viewer")))).isEmpty();
        assertThat(inTenant(() -> roles.findByNames(organization, Set.of()))).isEmpty();
        assertThat(inTenant(() -> roles.findByIds(organization, Set.of(support.id(), RoleId.generate()))))
                .containsExactly(support);
        assertThat(inTenant(() -> roles.findByIds(organization, Set.of()))).isEmpty();
    }

    @Test
    void anotherOrganizationsRolesAreNotFound() {
        var other = organizations.create();
        var theirs = transactions.write(other, () -> {
            var role = Role.custom(other, "theirs", null, Set.of(), NOW);
            roles.insert(role);
            return role;
        });

        assertThat(inTenant(() -> roles.findById(organization, theirs.id()))).isEmpty();
        assertThat(inTenant(() -> roles.findByNames(organization, Set.of("theirs")))).isEmpty();
        assertThat(inTenant(() -> roles.findByIds(organization, Set.of(theirs.id())))).isEmpty();
        assertThat(inTenant(() -> roles.findBuiltin(organization, BuiltinRole.OWNER)).orElseThrow().id())
                .isNotEqualTo(transactions.read(other, () -> roles.findBuiltin(other, BuiltinRole.OWNER))
                        .orElseThrow().id());
    }

    @Test
    void aTakenNameIsAConflictAndWritesNothing() {
        stored("support");

        assertThatThrownBy(() -> stored("support")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'support'");
        assertThatThrownBy(() -> stored("admin")).isInstanceOf(ConflictException.class);
        assertThat(inTenant(() -> roles.findByNames(organization, Set.of("support")))).hasSize(1);
    }

    @Test
    void theSameNameInAnotherOrganizationIsFine() {
        var ours = stored("support");
        var other = organizations.create();
        var theirs = Role.custom(other, "support", null, Set.of(), NOW);

        transactions.write(other, () -> {
            roles.insert(theirs);
            return null;
        });

        assertThat(transactions.read(other, () -> roles.findByNames(other, Set.of("support")))).containsExactly(theirs);
        assertThat(inTenant(() -> roles.findByNames(organization, Set.of("support")))).containsExactly(ours);
    }

    @Test
    void listsNewestFirstWithTheBuiltinRolesLastInPagesThatHoldEveryRoleOnce() {
        var created = new ArrayList<RoleId>();
        for (int i = 0; i < 3; i++) {
            created.add(stored("role-" + i).id());
        }

        var seen = new ArrayList<Role>();
        PageRequest<RoleId> request = PageRequest.first(2);
        Page<Role> page;
        do {
            var current = request;
            page = inTenant(() -> roles.list(organization, current));
            seen.addAll(page.items());
            if (page.hasMore()) {
                request = new PageRequest<>(page.last().id(), 2);
            }
        } while (page.hasMore());

        assertThat(seen).hasSize(7);
        assertThat(seen.subList(0, 3)).extracting(Role::id).containsExactlyElementsOf(created.reversed());
        assertThat(seen.subList(3, 7)).extracting(Role::builtin)
                .containsExactlyInAnyOrder(BuiltinRole.values());
    }

    @Test
    void updateWritesTheDefinitionAndBumpsTheVersion() {
        var role = stored("support", TaskPermissions.READ, AccessPermissions.MEMBERS_READ);

        var updated = inTenant(() -> roles.update(role.revised("helpdesk", null,
                Set.of(AccessPermissions.MEMBERS_READ, AuditPermissions.READ)))).orElseThrow();

        assertThat(updated.name()).isEqualTo("helpdesk");
        assertThat(updated.description()).isNull();
        assertThat(updated.permissions()).containsExactlyInAnyOrder(AccessPermissions.MEMBERS_READ, AuditPermissions.READ);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(inTenant(() -> roles.findById(organization, role.id()))).contains(updated);
    }

    @Test
    void updateWritesThePermissionsAsADifference() throws SQLException {
        var role = stored("support", TaskPermissions.READ, AccessPermissions.MEMBERS_READ);

        inTenant(() -> roles.update(role.revised(role.name(), role.description(),
                Set.of(AccessPermissions.MEMBERS_READ, AuditPermissions.READ))));

        // Audited one row each: kept permissions were neither deleted nor inserted again.
        assertThat(permissionEvents(role)).containsExactlyInAnyOrder(
                "create members:read", "create tasks:read", "delete tasks:read", "create audit:read");
    }

    @Test
    void updateOfAStaleVersionOrABuiltinRoleChangesNothing() {
        var role = stored("support", TaskPermissions.READ);
        inTenant(() -> roles.update(role.revised("first", null, Set.of())));
        var viewer = builtin(BuiltinRole.VIEWER);
        var asIfCustom = new Role(viewer.id(), organization, "viewer", "mine", null, Set.of(), viewer.version(),
                viewer.createdAt(), viewer.updatedAt());

        assertThat(inTenant(() -> roles.update(role.revised("second", null, Set.of())))).isEmpty();
        assertThat(inTenant(() -> roles.update(asIfCustom))).isEmpty();
        assertThat(inTenant(() -> roles.findById(organization, role.id())).orElseThrow().name()).isEqualTo("first");
        assertThat(builtin(BuiltinRole.VIEWER)).isEqualTo(viewer);
    }

    @Test
    void renamingToATakenNameIsAConflict() {
        var role = stored("support");

        assertThatThrownBy(() -> inTenant(() -> roles.update(role.revised("owner", null, Set.of()))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void deleteRemovesACustomRoleOnlyAtItsVersionAndItsHoldersLoseIt() {
        var role = stored("support", TaskPermissions.READ);
        var viewer = builtin(BuiltinRole.VIEWER);
        var person = people.create(organization, "holder", null);
        inTenant(() -> {
            memberships.insert(Membership.create(organization, person, Set.of(role.id(), viewer.id()), NOW));
            return null;
        });

        assertThat(inTenant(() -> roles.delete(organization, role.id(), 2))).isFalse();
        assertThat(inTenant(() -> roles.delete(organization, role.id(), 1))).isTrue();

        assertThat(inTenant(() -> roles.findById(organization, role.id()))).isEmpty();
        assertThat(inTenant(() -> memberships.findById(organization, person)).orElseThrow().roleIds())
                .containsExactly(viewer.id());
    }

    @Test
    void builtinRolesAreNeverDeleted() {
        var owner = builtin(BuiltinRole.OWNER);

        assertThat(inTenant(() -> roles.delete(organization, owner.id(), owner.version()))).isFalse();
        assertThat(builtin(BuiltinRole.OWNER)).isEqualTo(owner);
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> roles.findById(organization, RoleId.generate()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a tenant transaction");
    }

    private List<String> permissionEvents(Role role) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement("""
                SELECT action || ' ' || (coalesce(new_values, old_values) ->> 'permission') FROM audit_events
                WHERE organization_id = ? AND entity_type = 'role_permission' AND entity_id = ?
                ORDER BY occurred_at, id""")) {
            query.setObject(1, organization.value());
            query.setObject(2, role.id().value());
            var events = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
            return events;
        }
    }
}
