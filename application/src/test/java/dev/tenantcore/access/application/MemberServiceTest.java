package dev.tenantcore.access.application;

import static dev.tenantcore.access.domain.MembershipTestData.aMembership;
import static dev.tenantcore.access.domain.RoleTestData.aRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final TestAccessServices access = new TestAccessServices(transactions, clock);
    private final InMemoryMembershipRepository memberships = access.memberships;
    private final InMemoryRoleRepository roles = access.roles;

    private final Role owner = roles.builtin(tenant, BuiltinRole.OWNER);
    private final Role admin = roles.builtin(tenant, BuiltinRole.ADMIN);
    private final Role member = roles.builtin(tenant, BuiltinRole.MEMBER);
    private final Role viewer = roles.builtin(tenant, BuiltinRole.VIEWER);

    /** The calling user: an active member holding admin, unless a test changes that. */
    private final UserId callerId = UserId.generate();
    private final CurrentCaller callingUser = () -> new Caller(Actor.user(callerId.value()), null, null, null);
    private final MemberService service = serviceWith(FixedCurrentTenant.of(tenant));

    MemberServiceTest() {
        memberships.given(aMembership().withOrganizationId(tenant).withUserId(callerId).holding(admin).build());
        transactions.forgetTransactions();
    }

    private MemberService serviceWith(FixedCurrentTenant currentTenant) {
        return access.memberService(currentTenant, callingUser);
    }

    private Membership given(Membership membership) {
        memberships.given(membership);
        return membership;
    }

    private Membership aMemberOfTheTenantHolding(Role... held) {
        return given(aMembership().withOrganizationId(tenant).holding(held).build());
    }

    private void callerHolds(Role... held) {
        memberships.given(aMembership().withOrganizationId(tenant).withUserId(callerId).holding(held).build());
    }

    private static UpdateMemberCommand roles(UserId userId, String... names) {
        return new UpdateMemberCommand(userId, ExpectedVersion.ANY, FieldChange.to(Set.of(names)),
                FieldChange.unchanged());
    }

    private static UpdateMemberCommand status(UserId userId, MembershipStatus status) {
        return new UpdateMemberCommand(userId, ExpectedVersion.ANY, FieldChange.unchanged(), FieldChange.to(status));
    }

    private Membership stored(Membership membership) {
        return memberships.stored(tenant, membership.userId()).orElseThrow();
    }

    @Nested
    class Reading {

        @Test
        void listsTheTenantsMembersNewestUserFirstInAReadOnlyTransaction() {
            var older = aMemberOfTheTenantHolding(viewer);
            given(aMembership().withOrganizationId(otherTenant).build());
            var newer = aMemberOfTheTenantHolding(member, viewer);
            memberships.givenPerson(newer.userId(), "newer@example.com", "Newer");

            var page = service.list(PageRequest.first(10));

            assertThat(page.items()).extracting(found -> found.membership().userId())
                    .containsExactly(newer.userId(), older.userId(), callerId);
            assertThat(page.items().getFirst()).isEqualTo(new Member(newer, "newer@example.com", "Newer",
                    List.of("member", "viewer")));
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, true, Outcome.COMMITTED));
        }

        @Test
        void pagesAfterTheLastUserOfThePreviousPage() {
            var second = aMemberOfTheTenantHolding(viewer);
            var third = aMemberOfTheTenantHolding(viewer);

            var firstPage = service.list(PageRequest.first(2));
            var nextPage = service.list(new PageRequest<>(firstPage.last().membership().userId(), 2));

            assertThat(firstPage.items()).extracting(found -> found.membership().userId())
                    .containsExactly(third.userId(), second.userId());
            assertThat(firstPage.hasMore()).isTrue();
            assertThat(nextPage.items()).extracting(found -> found.membership().userId()).containsExactly(callerId);
            assertThat(nextPage.hasMore()).isFalse();
        }

        @Test
        void getsOneMemberAndAnotherTenantsMemberIsNotFound() {
            var mine = aMemberOfTheTenantHolding(viewer);
            var foreign = given(aMembership().withOrganizationId(otherTenant).build());

            assertThat(service.get(mine.userId()).membership()).isEqualTo(mine);
            assertThatThrownBy(() -> service.get(foreign.userId())).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service.get(UserId.generate())).isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void readingNeedsMembersReadAndIsRefusedBeforeAnyLookup() {
            var denied = serviceWith(FixedCurrentTenant.of(tenant).withOnly(TaskPermissions.READ));

            assertThatThrownBy(() -> denied.list(PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> denied.get(callerId)).isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void replacesTheRolesBumpsTheVersionAndReturnsTheMemberInOneWriteTransaction() {
            var target = aMemberOfTheTenantHolding(viewer);

            var updated = service.update(roles(target.userId(), "member", "admin"));

            assertThat(updated.roleNames()).containsExactly("admin", "member");
            assertThat(updated.membership().version()).isEqualTo(2);
            assertThat(stored(target).roleIds()).containsExactlyInAnyOrder(member.id(), admin.id());
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void anUnknownRoleNameIsAnInvalidRolesFieldAndNothingChanges() {
            var target = aMemberOfTheTenantHolding(viewer);

            assertThatThrownBy(() -> service.update(roles(target.userId(), "member", "Admin")))
                    .isInstanceOfSatisfying(InvariantViolationException.class, e -> {
                        assertThat(e.field()).isEqualTo("roles");
                        assertThat(e.getMessage()).contains("'Admin'");
                    });
            assertThat(stored(target)).isEqualTo(target);
            assertThat(memberships.writes()).isEmpty();
        }

        @Test
        void anotherTenantsRoleIsAnUnknownName() {
            roles.given(aRole().withOrganizationId(otherTenant).withName("theirs").build());
            var target = aMemberOfTheTenantHolding(viewer);

            assertThatThrownBy(() -> service.update(roles(target.userId(), "theirs")))
                    .isInstanceOf(InvariantViolationException.class);
        }

        @Test
        void noRolesAtAllIsRefused() {
            var target = aMemberOfTheTenantHolding(viewer);

            assertThatThrownBy(() -> service.update(roles(target.userId())))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("roles"));
            assertThat(stored(target)).isEqualTo(target);
        }

        @Test
        void aCallerCannotGrantARoleWithPermissionsItLacks() {
            var auditor = aRole().withOrganizationId(tenant).withName("auditor")
                    .withPermissions(AuditPermissions.READ).build();
            roles.given(auditor);
            var target = aMemberOfTheTenantHolding(viewer);
            var manager = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_MANAGE,
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ));

            assertThat(manager.update(roles(target.userId(), "viewer")).roleNames()).containsExactly("viewer");
            assertThatThrownBy(() -> manager.update(roles(target.userId(), "viewer", "auditor")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'auditor'")
                    .hasMessageContaining("audit:read");
            assertThat(stored(target).roleIds()).containsExactly(viewer.id());
        }

        @Test
        void aCallerCannotTakeAwayARoleWithPermissionsItLacks() {
            var target = aMemberOfTheTenantHolding(member);
            var manager = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_MANAGE,
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ));

            assertThatThrownBy(() -> manager.update(roles(target.userId(), "viewer")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'member'");
            assertThat(stored(target)).isEqualTo(target);
        }

        @Test
        void anAdminCannotMakeOrUnmakeOwners() {
            var target = aMemberOfTheTenantHolding(member);
            var anotherOwner = aMemberOfTheTenantHolding(owner);
            aMemberOfTheTenantHolding(owner);

            assertThatThrownBy(() -> service.update(roles(target.userId(), "owner")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only an owner");
            assertThatThrownBy(() -> service.update(roles(anotherOwner.userId(), "admin")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only an owner");
            assertThat(memberships.writes()).isEmpty();
        }

        @Test
        void anOwnerMayMakeAndUnmakeOwners() {
            callerHolds(owner);
            var target = aMemberOfTheTenantHolding(member);

            assertThat(service.update(roles(target.userId(), "owner", "member")).roleNames())
                    .containsExactly("member", "owner");
            assertThat(service.update(roles(target.userId(), "member")).roleNames()).containsExactly("member");
        }

        @Test
        void aSuspendedOwnerIsNoOwner() {
            memberships.given(aMembership().withOrganizationId(tenant).withUserId(callerId).holding(owner)
                    .withStatus(MembershipStatus.SUSPENDED).build());
            var target = aMemberOfTheTenantHolding(member);

            assertThatThrownBy(() -> service.update(roles(target.userId(), "owner")))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void anApiKeyHoldingTheOwnerRoleIsAnOwner() {
            var key = Actor.apiKey(UserId.generate().value());
            transactions.write(tenant, () -> {
                access.apiKeyRoles.grant(tenant, key, Set.of(owner.id()));
                return null;
            });
            var asKey = access.memberService(FixedCurrentTenant.of(tenant), () -> new Caller(key, null, null, null));
            var target = aMemberOfTheTenantHolding(member);

            assertThat(asKey.update(roles(target.userId(), "owner")).roleNames()).containsExactly("owner");
        }

        @Test
        void aKeyWithoutTheOwnerRoleIsNoOwner() {
            var key = Actor.apiKey(UserId.generate().value());
            var asKey = access.memberService(FixedCurrentTenant.of(tenant), () -> new Caller(key, null, null, null));
            var target = aMemberOfTheTenantHolding(member);

            assertThatThrownBy(() -> asKey.update(roles(target.userId(), "owner")))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void theSameRolesAgainWriteNothing() {
            var target = aMemberOfTheTenantHolding(viewer, member);

            var unchanged = service.update(roles(target.userId(), "member", "viewer"));

            assertThat(unchanged.membership()).isEqualTo(target);
            assertThat(memberships.writes()).isEmpty();
        }

        @Test
        void aStaleVersionIsRefused() {
            var target = given(aMembership().withOrganizationId(tenant).holding(viewer).withVersion(3).build());

            assertThatThrownBy(() -> service.update(new UpdateMemberCommand(target.userId(), ExpectedVersion.exactly(2),
                    FieldChange.to(Set.of("member")), FieldChange.unchanged())))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(stored(target)).isEqualTo(target);
        }

        @Test
        void aChangeByAnotherRequestInBetweenIsAConflict() {
            var target = aMemberOfTheTenantHolding(viewer);
            var meanwhile = aMembership().withOrganizationId(tenant).withUserId(target.userId()).holding(member)
                    .withVersion(2).build();
            memberships.beforeNextWrite(() -> memberships.given(meanwhile));

            assertThatThrownBy(() -> service.update(roles(target.userId(), "admin")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("concurrently");
        }

        @Test
        void changingNeedsMembersManageAndIsRefusedBeforeAnyLookup() {
            var reader = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_READ));

            assertThatThrownBy(() -> reader.update(roles(UserId.generate(), "viewer")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.remove(UserId.generate(), ExpectedVersion.ANY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anotherTenantsMemberIsNotFound() {
            var foreign = given(aMembership().withOrganizationId(otherTenant)
                    .holding(roles.builtin(otherTenant, BuiltinRole.VIEWER)).build());

            assertThatThrownBy(() -> service.update(roles(foreign.userId(), "viewer")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service.remove(foreign.userId(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(memberships.stored(otherTenant, foreign.userId())).contains(foreign);
        }
    }

    @Nested
    class Suspending {

        @Test
        void suspendsAndReactivates() {
            var target = aMemberOfTheTenantHolding(member);

            assertThat(service.update(status(target.userId(), MembershipStatus.SUSPENDED)).membership().status())
                    .isEqualTo(MembershipStatus.SUSPENDED);
            assertThat(service.update(status(target.userId(), MembershipStatus.ACTIVE)).membership().status())
                    .isEqualTo(MembershipStatus.ACTIVE);
            assertThat(stored(target).version()).isEqualTo(3);
        }

        @Test
        void onlyACallerWhoCouldGrantEverythingTheMemberHoldsMaySuspendThem() {
            var target = aMemberOfTheTenantHolding(admin);
            var manager = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_MANAGE,
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ,
                    TaskPermissions.WRITE));

            assertThatThrownBy(() -> manager.update(status(target.userId(), MembershipStatus.SUSPENDED)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(stored(target)).isEqualTo(target);
        }

        @Test
        void anAdminCannotSuspendAnOwner() {
            var target = aMemberOfTheTenantHolding(owner);
            aMemberOfTheTenantHolding(owner);

            assertThatThrownBy(() -> service.update(status(target.userId(), MembershipStatus.SUSPENDED)))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void suspendingAMemberWhoIsNoOwnerTakesNoOwnershipLock() {
            var target = aMemberOfTheTenantHolding(member);

            service.update(status(target.userId(), MembershipStatus.SUSPENDED));

            assertThat(memberships.ownerLocks()).isEmpty();
        }

        @Test
        void aNullStatusIsInvalid() {
            assertThatThrownBy(() -> new UpdateMemberCommand(UserId.generate(), ExpectedVersion.ANY,
                    FieldChange.unchanged(), FieldChange.to(null)))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("status"));
            assertThatThrownBy(() -> new UpdateMemberCommand(UserId.generate(), ExpectedVersion.ANY,
                    FieldChange.to(null), FieldChange.unchanged()))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("roles"));
        }
    }

    @Nested
    class TheLastActiveOwner {

        @Test
        void cannotLoseTheOwnerRole() {
            callerHolds(owner);

            assertThatThrownBy(() -> service.update(roles(callerId, "admin")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("last active owner cannot lose the owner role");
            assertThat(memberships.ownerLocks()).containsExactly(tenant);
            assertThat(memberships.stored(tenant, callerId).orElseThrow().roleIds()).containsExactly(owner.id());
            assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void cannotBeSuspended() {
            callerHolds(owner);

            assertThatThrownBy(() -> service.update(status(callerId, MembershipStatus.SUSPENDED)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("cannot be suspended");
        }

        @Test
        void cannotBeRemoved() {
            callerHolds(owner);

            assertThatThrownBy(() -> service.remove(callerId, ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("cannot be removed");
            assertThat(memberships.stored(tenant, callerId)).isPresent();
        }

        @Test
        void aSuspendedOwnerDoesNotCount() {
            callerHolds(owner);
            given(aMembership().withOrganizationId(tenant).holding(owner).withStatus(MembershipStatus.SUSPENDED)
                    .build());

            assertThatThrownBy(() -> service.remove(callerId, ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void anOwnerOfAnotherOrganizationDoesNotCount() {
            callerHolds(owner);
            given(aMembership().withOrganizationId(otherTenant).holding(roles.builtin(otherTenant, BuiltinRole.OWNER))
                    .build());

            assertThatThrownBy(() -> service.update(roles(callerId, "admin")))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void withAnotherActiveOwnerAnOwnerMayStepDown() {
            callerHolds(owner);
            var other = aMemberOfTheTenantHolding(owner);

            service.update(roles(callerId, "admin"));

            assertThat(memberships.stored(tenant, callerId).orElseThrow().roleIds()).containsExactly(admin.id());
            assertThatThrownBy(() -> service.remove(other.userId(), ExpectedVersion.ANY))
                    .as("the caller is no owner any more").isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void withAnotherActiveOwnerOneMayBeRemovedButThenTheOtherMayNot() {
            callerHolds(owner);
            var other = aMemberOfTheTenantHolding(owner);

            service.remove(other.userId(), ExpectedVersion.ANY);

            assertThat(memberships.stored(tenant, other.userId())).isEmpty();
            assertThatThrownBy(() -> service.update(status(callerId, MembershipStatus.SUSPENDED)))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void aSuspendedOwnerMayLoseTheRoleWithoutTheLock() {
            callerHolds(owner);
            var suspended = given(aMembership().withOrganizationId(tenant).holding(owner)
                    .withStatus(MembershipStatus.SUSPENDED).build());

            service.update(roles(suspended.userId(), "viewer"));

            assertThat(memberships.ownerLocks()).isEmpty();
        }
    }

    @Nested
    class Removing {

        @Test
        void removesTheMembershipInAWriteTransaction() {
            var target = aMemberOfTheTenantHolding(member);

            service.remove(target.userId(), ExpectedVersion.exactly(1));

            assertThat(memberships.stored(tenant, target.userId())).isEmpty();
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void aRemovalRacingAnotherChangeIsAConflict() {
            var target = aMemberOfTheTenantHolding(member);
            memberships.beforeNextWrite(() -> memberships.given(aMembership().withOrganizationId(tenant)
                    .withUserId(target.userId()).holding(viewer).withVersion(2).build()));

            assertThatThrownBy(() -> service.remove(target.userId(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("concurrently");
        }

        @Test
        void aStaleVersionIsRefused() {
            var target = aMemberOfTheTenantHolding(member);

            assertThatThrownBy(() -> service.remove(target.userId(), ExpectedVersion.exactly(2)))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(memberships.stored(tenant, target.userId())).isPresent();
        }

        @Test
        void onlyACallerWhoCouldGrantEverythingTheMemberHoldsMayRemoveThem() {
            var target = aMemberOfTheTenantHolding(admin);
            var manager = serviceWith(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_MANAGE));

            assertThatThrownBy(() -> manager.remove(target.userId(), ExpectedVersion.ANY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(memberships.stored(tenant, target.userId())).isPresent();
        }
    }

    @Nested
    class Provisioning {
        private final MemberProvisioning provisioning = access.memberProvisioning();

        @Test
        void addsAnActiveMemberWithTheNamedRolesWhoeverCalls() {
            var userId = UserId.generate();

            provisioning.addMember(otherTenant, userId, Set.of("owner", "member"));

            var added = memberships.stored(otherTenant, userId).orElseThrow();
            assertThat(added.status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(added.roleIds()).containsExactlyInAnyOrder(roles.builtin(otherTenant, BuiltinRole.OWNER).id(),
                    roles.builtin(otherTenant, BuiltinRole.MEMBER).id());
            assertThat(added.createdAt()).isEqualTo(NOW);
        }

        @Test
        void joinsTheCallersTransaction() {
            var userId = UserId.generate();

            transactions.write(otherTenant, () -> {
                provisioning.addMember(otherTenant, userId, Set.of("viewer"));
                return null;
            });

            assertThat(transactions.onlyTransaction())
                    .isEqualTo(new Transaction(otherTenant, false, Outcome.COMMITTED));
        }

        @Test
        void anUnknownRoleOrNoRoleIsRefused() {
            assertThatThrownBy(() -> provisioning.addMember(tenant, UserId.generate(), Set.of("founder")))
                    .isInstanceOfSatisfying(InvariantViolationException.class,
                            e -> assertThat(e.field()).isEqualTo("roles"));
            assertThatThrownBy(() -> provisioning.addMember(tenant, UserId.generate(), Set.of()))
                    .isInstanceOf(InvariantViolationException.class);
        }

        @Test
        void addingAMemberTwiceIsAConflict() {
            assertThatThrownBy(() -> provisioning.addMember(tenant, callerId, Set.of("viewer")))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void anActiveMemberHasThePermissionsOfAllItsRoles() {
            var support = aRole().withOrganizationId(tenant).withName("support")
                    .withPermissions(AuditPermissions.READ).build();
            roles.given(support);
            var target = aMemberOfTheTenantHolding(viewer, support);

            assertThat(provisioning.activeMemberPermissions(tenant, target.userId())).contains(Set.of(
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ,
                    AuditPermissions.READ));
        }

        @Test
        void aSuspendedMemberOrAStrangerHasNoPermissionsAtAll() {
            var suspended = given(aMembership().withOrganizationId(tenant).holding(admin)
                    .withStatus(MembershipStatus.SUSPENDED).build());

            assertThat(provisioning.activeMemberPermissions(tenant, suspended.userId())).isEmpty();
            assertThat(provisioning.activeMemberPermissions(tenant, UserId.generate())).isEmpty();
            assertThat(provisioning.activeMemberPermissions(otherTenant, callerId)).isEmpty();
        }
    }
}
