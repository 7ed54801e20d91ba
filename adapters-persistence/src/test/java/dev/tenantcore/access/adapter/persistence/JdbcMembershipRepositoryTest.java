package dev.tenantcore.access.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.MembershipStatus;
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
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MembershipRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcMembershipRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    MembershipRepository memberships;
    @Inject
    RoleRepository roles;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    TestPeople people;

    OrganizationId organization;
    Role owner;
    Role admin;
    Role viewer;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
        owner = builtin(organization, BuiltinRole.OWNER);
        admin = builtin(organization, BuiltinRole.ADMIN);
        viewer = builtin(organization, BuiltinRole.VIEWER);
    }

    private Role builtin(OrganizationId organizationId, BuiltinRole kind) {
        return transactions.read(organizationId, () -> roles.findBuiltin(organizationId, kind)).orElseThrow();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Membership member(String name, Role... held) {
        return memberOf(organization, name, held);
    }

    private Membership memberOf(OrganizationId organizationId, String name, Role... held) {
        var person = people.create(organizationId, name, null);
        var membership = Membership.create(organizationId, person, ids(held), NOW);
        transactions.write(organizationId, () -> {
            memberships.insert(membership);
            return null;
        });
        return membership;
    }

    private static Set<RoleId> ids(Role... roles) {
        return Arrays.stream(roles).map(Role::id).collect(Collectors.toSet());
    }

    @Test
    void storesAndFindsAMembershipWithItsRoles() {
        var membership = member("ada", admin, viewer);

        assertThat(inTenant(() -> memberships.findById(organization, membership.userId()))).contains(membership);
    }

    @Test
    void aMemberComesWithTheAddressDisplayNameAndRoleNames() {
        var withProfile = people.create(organization, "grace", "Grace Hopper");
        inTenant(() -> {
            memberships.insert(Membership.create(organization, withProfile, ids(viewer, admin), NOW));
            return null;
        });
        var withoutProfile = member("alan", viewer);

        var found = inTenant(() -> memberships.findMember(organization, withProfile)).orElseThrow();
        var bare = inTenant(() -> memberships.findMember(organization, withoutProfile.userId())).orElseThrow();

        assertThat(found.email()).isEqualTo(TestPeople.emailOf("grace", withProfile));
        assertThat(found.displayName()).isEqualTo("Grace Hopper");
        assertThat(found.roleNames()).containsExactly("admin", "viewer");
        assertThat(found.membership().roleIds()).containsExactlyInAnyOrder(admin.id(), viewer.id());
        assertThat(bare.displayName()).isNull();
        assertThat(bare.roleNames()).containsExactly("viewer");
    }

    @Test
    void aMemberWhoseOnlyRoleWasDeletedHoldsNoRole() {
        var temporary = Role.custom(organization, "temporary", null, Set.of(), NOW);
        inTenant(() -> {
            roles.insert(temporary);
            return null;
        });
        var membership = member("lin", temporary);
        inTenant(() -> roles.delete(organization, temporary.id(), 1));

        var found = inTenant(() -> memberships.findMember(organization, membership.userId())).orElseThrow();

        assertThat(found.roleNames()).isEmpty();
        assertThat(found.membership().roleIds()).isEmpty();
    }

    @Test
    void aUserIsAMemberOnlyOnce() {
        var membership = member("ada", viewer);

        assertThatThrownBy(() -> inTenant(() -> {
            memberships.insert(Membership.create(organization, membership.userId(), ids(admin), NOW));
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(inTenant(() -> memberships.findById(organization, membership.userId()))).contains(membership);
    }

    @Test
    void listsNewestUserFirstInPagesThatTogetherHoldEveryMemberOnce() {
        var created = new ArrayList<UserId>();
        for (int i = 0; i < 5; i++) {
            created.add(member("member" + i, viewer).userId());
        }
        var elsewhere = organizations.create();
        memberOf(elsewhere, "elsewhere", builtin(elsewhere, BuiltinRole.VIEWER));

        var seen = new ArrayList<UserId>();
        PageRequest<UserId> request = PageRequest.first(2);
        Page<Member> page;
        do {
            var current = request;
            page = inTenant(() -> memberships.list(organization, current));
            page.items().forEach(found -> seen.add(found.membership().userId()));
            if (page.hasMore()) {
                request = new PageRequest<>(page.last().membership().userId(), 2);
            }
        } while (page.hasMore());

        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void anotherOrganizationsMembersAreNotFound() {
        var elsewhere = organizations.create();
        var theirs = memberOf(elsewhere, "theirs", builtin(elsewhere, BuiltinRole.ADMIN));

        assertThat(inTenant(() -> memberships.findById(organization, theirs.userId()))).isEmpty();
        assertThat(inTenant(() -> memberships.findMember(organization, theirs.userId()))).isEmpty();
        assertThat(inTenant(() -> memberships.list(organization, PageRequest.first(100))).items()).isEmpty();
        assertThat(inTenant(() -> memberships.activeMemberPermissions(organization, theirs.userId()))).isEmpty();
    }

    @Test
    void updateWritesStatusAndRolesAndBumpsTheVersion() throws SQLException {
        var membership = member("ada", admin, viewer);

        var updated = inTenant(() -> memberships.update(membership.withRoles(ids(viewer, owner))
                .withStatus(MembershipStatus.SUSPENDED))).orElseThrow();

        assertThat(updated.status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(updated.roleIds()).containsExactlyInAnyOrder(viewer.id(), owner.id());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(inTenant(() -> memberships.findById(organization, membership.userId()))).contains(updated);
        // Written as a difference: the kept role was neither deleted nor inserted again.
        assertThat(roleEvents(membership.userId())).containsExactlyInAnyOrder(
                "create " + admin.id(), "create " + viewer.id(), "delete " + admin.id(), "create " + owner.id());
    }

    @Test
    void updateOfAStaleVersionChangesNothing() {
        var membership = member("ada", viewer);
        inTenant(() -> memberships.update(membership.withRoles(ids(admin))));

        assertThat(inTenant(() -> memberships.update(membership.withRoles(ids(owner))))).isEmpty();
        assertThat(inTenant(() -> memberships.findById(organization, membership.userId())).orElseThrow().roleIds())
                .containsExactly(admin.id());
    }

    @Test
    void deleteRemovesOnlyTheCurrentVersionWithItsRoles() throws SQLException {
        var membership = member("ada", viewer);

        assertThat(inTenant(() -> memberships.delete(organization, membership.userId(), 2))).isFalse();
        assertThat(inTenant(() -> memberships.delete(organization, membership.userId(), 1))).isTrue();

        assertThat(inTenant(() -> memberships.findById(organization, membership.userId()))).isEmpty();
        assertThat(roleEvents(membership.userId())).containsExactly("create " + viewer.id(), "delete " + viewer.id());
    }

    @Test
    void countsTheOtherActiveOwnersOfTheOrganizationOnly() {
        var first = member("first", owner);
        var second = member("second", owner, viewer);
        var suspended = member("suspended", owner);
        inTenant(() -> memberships.update(suspended.withStatus(MembershipStatus.SUSPENDED)));
        member("admin", admin);
        var elsewhere = organizations.create();
        memberOf(elsewhere, "foreign-owner", builtin(elsewhere, BuiltinRole.OWNER));

        assertThat(inTenant(() -> memberships.lockOwnersAndCountOthers(organization, first.userId()))).isEqualTo(1);
        assertThat(inTenant(() -> memberships.lockOwnersAndCountOthers(organization, second.userId()))).isEqualTo(1);
        assertThat(inTenant(() -> memberships.lockOwnersAndCountOthers(organization, suspended.userId())))
                .isEqualTo(2);
    }

    /**
     * Two owners each step down in their own transaction at the same time. The second must wait for the first and
     * then see that it has gone: without the lock, or with the count in the same statement as the lock, both
     * would count one other owner and the organization would be left with none.
     */
    @Test
    void theOwnershipLockMakesTheSecondCountSeeTheFirstChange() throws Exception {
        var first = member("first", owner);
        var second = member("second", owner);
        var firstHoldsTheLock = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single one, which the first transaction keeps busy.
        var threads = Executors.newFixedThreadPool(2);

        var firstStepsDown = CompletableFuture.supplyAsync(() -> inTenant(() -> {
            var others = memberships.lockOwnersAndCountOthers(organization, first.userId());
            memberships.update(first.withRoles(ids(admin))).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            return others;
        }), threads);
        await(firstHoldsTheLock);
        var secondCounts = CompletableFuture.supplyAsync(
                () -> inTenant(() -> memberships.lockOwnersAndCountOthers(organization, second.userId())), threads);
        try {
            awaitBlockedOnALock();
        } finally {
            releaseFirst.countDown();
            threads.shutdown();
        }

        assertThat(firstStepsDown.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(secondCounts.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void anActiveMemberHasThePermissionsOfAllItsRoles() {
        var support = Role.custom(organization, "support", null, Set.of(AuditPermissions.READ), NOW);
        inTenant(() -> {
            roles.insert(support);
            return null;
        });
        var membership = member("ada", viewer, support);

        var expected = new HashSet<>(DatabasePermissions.grantedTo("viewer"));
        expected.add(AuditPermissions.READ);
        assertThat(inTenant(() -> memberships.activeMemberPermissions(organization, membership.userId())))
                .contains(expected);
    }

    @Test
    void aSuspendedMemberOrAStrangerHasNoPermissions() {
        var membership = member("ada", admin);
        inTenant(() -> memberships.update(membership.withStatus(MembershipStatus.SUSPENDED)));

        assertThat(inTenant(() -> memberships.activeMemberPermissions(organization, membership.userId()))).isEmpty();
        assertThat(inTenant(() -> memberships.activeMemberPermissions(organization, UserId.generate()))).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> memberships.findById(organization, UserId.generate()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a tenant transaction");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("gave up waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits (no assertion on how long) until some session of the test database waits for a row lock. */
    private static void awaitBlockedOnALock() throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND query LIKE '%FOR NO KEY UPDATE%'""")) {
            while (System.nanoTime() < deadline) {
                try (var rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second transaction never waited for the ownership lock");
    }

    private List<String> roleEvents(UserId userId) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement("""
                SELECT action || ' ' || (coalesce(new_values, old_values) ->> 'role_id') FROM audit_events
                WHERE organization_id = ? AND entity_type = 'member_role' AND entity_id = ?
                ORDER BY occurred_at, id""")) {
            query.setObject(1, organization.value());
            query.setObject(2, userId.value());
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
