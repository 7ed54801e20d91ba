package dev.tenantcore.access.application;

import static dev.tenantcore.access.domain.InvitationTestData.anInvitation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.InvitationStatus;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Set<Permission> MEMBER = Set.of(OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ,
            TaskPermissions.READ, TaskPermissions.WRITE);

    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();
    private final SettableClock clock = new SettableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final TestAccessServices access = new TestAccessServices(transactions, clock);
    private RuntimeException failNextAddMember;
    /** The access context's own provisioning, which a test may make fail once, as a failing database would. */
    private final MemberProvisioning members = new MemberProvisioning() {
        private final MemberProvisioning real = access.memberProvisioning();

        @Override
        public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
            if (failNextAddMember != null) {
                var failure = failNextAddMember;
                failNextAddMember = null;
                throw failure;
            }
            real.addMember(organizationId, userId, roleNames);
        }

        @Override
        public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
            return real.activeMemberPermissions(organizationId, userId);
        }
    };
    private final FakeAccounts accounts = new FakeAccounts();
    private final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository(transactions,
            (organization, role) -> !access.roles.findByNames(organization, Set.of(role)).isEmpty(),
            this::isMemberAddress);
    /** Who invites, lists and revokes. */
    private Actor caller = Actor.apiKey(UUID.randomUUID());
    /** Who accepts: nobody signed in, unless a test says otherwise. */
    private Actor acceptor = Actor.ANONYMOUS;

    {
        // Besides the four built-in roles, each organization has one that grants only audit:read.
        access.roles.given(Role.custom(tenant, "auditor", null, Set.of(AuditPermissions.READ), NOW),
                Role.custom(otherTenant, "auditor", null, Set.of(AuditPermissions.READ), NOW));
    }

    private InvitationService serviceActingFor(FixedCurrentTenant currentTenant) {
        return serviceActingFor(currentTenant, () -> new Caller(caller, null, null, null));
    }

    private InvitationService serviceActingFor(CurrentTenant currentTenant, CurrentCaller currentCaller) {
        return new InvitationService(invitations, access.roles,
                new Grantors(access.roles, access.memberships, access.apiKeyRoles, currentTenant, currentCaller),
                accounts, members, transactions, currentTenant, currentCaller, clock);
    }

    private final InvitationService service = serviceActingFor(FixedCurrentTenant.of(tenant));
    /** Acceptance comes without a tenant: the token names it. */
    private final InvitationService anonymous = serviceActingFor(FixedCurrentTenant.unauthenticated(),
            () -> new Caller(acceptor, null, null, null));

    /** A membership made outside the use cases under test, holding the built-in {@code role}. */
    private void givenMember(OrganizationId organizationId, UserId userId, BuiltinRole role) {
        access.memberships.given(Membership.create(organizationId, userId,
                Set.of(access.roles.builtin(organizationId, role).id()), NOW));
    }

    private boolean isMemberAddress(OrganizationId organizationId, String email) {
        return Optional.ofNullable(accounts.byAddress.get(email.toLowerCase(Locale.ROOT)))
                .flatMap(user -> access.memberships.stored(organizationId, user)).isPresent();
    }

    /** The names of the roles the user holds in the organization, if a member. */
    private Optional<Set<String>> rolesOf(OrganizationId organizationId, UserId userId) {
        return access.memberships.stored(organizationId, userId).map(membership -> membership.roleIds().stream()
                .map(id -> access.roles.stored(id).orElseThrow().name()).collect(Collectors.toSet()));
    }

    private List<UserId> membersOf(OrganizationId organizationId) {
        return transactions.read(organizationId, () -> access.memberships.list(organizationId,
                PageRequest.first(100))).items().stream().map(member -> member.membership().userId()).toList();
    }

    private Invitation.Issued invite(String email, String... roleNames) {
        return service.invite(new CreateInvitationCommand(email, List.of(roleNames), null));
    }

    private InvitationAcceptance accept(Invitation.Issued issued, String password, String displayName) {
        return anonymous.accept(new AcceptInvitationCommand(issued.token().reveal(), password, displayName));
    }

    @Nested
    class Inviting {
        @Test
        void storesAPendingInvitationForTheCallersOrganizationKeepingOnlyTheTokensHash() {
            var issued = service.invite(new CreateInvitationCommand("grace@example.com", List.of("member", "viewer"),
                    3));

            var stored = invitations.stored(issued.invitation().id()).orElseThrow();
            assertThat(stored).isEqualTo(issued.invitation());
            assertThat(stored.organizationId()).isEqualTo(tenant);
            assertThat(stored.email()).isEqualTo("grace@example.com");
            assertThat(stored.roles()).containsExactlyInAnyOrder("member", "viewer");
            assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
            assertThat(stored.status(NOW)).isEqualTo(InvitationStatus.PENDING);
            assertThat(stored.matches(issued.token())).isTrue();
            assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void needsMembersManage() {
            var readOnly = serviceActingFor(FixedCurrentTenant.of(tenant).withOnly(MEMBER.toArray(Permission[]::new)));

            assertThatThrownBy(() -> readOnly.invite(new CreateInvitationCommand("grace@example.com",
                    List.of("viewer"), null))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("members:manage");
            assertNothingHappened();
        }

        @Test
        void theCallerMayNotGrantAPermissionItLacks() {
            var manager = serviceActingFor(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_MANAGE,
                    OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ, TaskPermissions.READ));

            assertThat(manager.invite(new CreateInvitationCommand("viewer@example.com", List.of("viewer"), null)))
                    .isNotNull();
            assertThatThrownBy(() -> manager.invite(new CreateInvitationCommand("member@example.com",
                    List.of("viewer", "member"), null))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("tasks:write");
            assertThatThrownBy(() -> manager.invite(new CreateInvitationCommand("auditor@example.com",
                    List.of("auditor"), null))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("audit:read");
            assertThat(invitations.all()).extracting(Invitation::email).containsExactly("viewer@example.com");
        }

        @Test
        void onlyAnOwnerInvitesAnOwnerThoughAnAdminHoldsTheSamePermissions() {
            var admin = UserId.generate();
            var owner = UserId.generate();
            givenMember(tenant, admin, BuiltinRole.ADMIN);
            givenMember(tenant, owner, BuiltinRole.OWNER);

            caller = Actor.user(admin.value());
            assertThatThrownBy(() -> invite("heir@example.com", "owner")).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("owner");
            assertThat(invitations.all()).isEmpty();
            assertThat(invite("admin@example.com", "admin").invitation().roles()).containsExactly("admin");

            caller = Actor.user(owner.value());
            assertThat(invite("heir@example.com", "owner").invitation().roles()).containsExactly("owner");

            var ownersKey = Actor.apiKey(UUID.randomUUID());
            transactions.write(tenant, () -> {
                access.apiKeyRoles.grant(tenant, ownersKey, Set.of(access.roles.builtin(tenant, BuiltinRole.OWNER).id()));
                return null;
            });
            caller = ownersKey;
            assertThat(invite("second-heir@example.com", "owner").invitation().roles()).containsExactly("owner");
        }

        @Test
        void anUnknownRoleIsAnInvalidField() {
            assertInvalid("roles", () -> invite("grace@example.com", "member", "wizard"));
            assertThat(invitations.all()).isEmpty();
        }

        @Test
        void badFieldsAreRefusedBeforeAnyTransaction() {
            assertInvalid("email", () -> invite("not an address", "member"));
            assertInvalid("roles", () -> invite("grace@example.com"));
            assertInvalid("expiresInDays", () -> service.invite(new CreateInvitationCommand("grace@example.com",
                    List.of("member"), 31)));
            assertNothingHappened();
        }

        @Test
        void aMembersAddressIsAConflict() {
            givenMember(tenant, accounts.existing("ada@example.com"), BuiltinRole.MEMBER);

            assertThatThrownBy(() -> invite("ADA@example.com", "member")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("member");
            assertThat(invitations.all()).isEmpty();
        }

        @Test
        void aMemberOfAnotherOrganizationCanBeInvited() {
            givenMember(otherTenant, accounts.existing("ada@example.com"), BuiltinRole.MEMBER);

            assertThat(invite("ada@example.com", "member").invitation().status(NOW))
                    .isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        void oneOpenInvitationPerAddressUntilItIsRevoked() {
            var first = invite("grace@example.com", "member");

            assertThatThrownBy(() -> invite("GRACE@example.com", "viewer")).isInstanceOf(ConflictException.class);
            service.revoke(first.invitation().id(), ExpectedVersion.ANY);
            assertThat(invite("grace@example.com", "viewer").invitation().roles()).containsExactly("viewer");
        }

        @Test
        void anExpiredInvitationMakesWayForANewOne() {
            var expired = invite("grace@example.com", "member");
            clock.set(expired.invitation().expiresAt());

            var renewed = invite("grace@example.com", "member");

            assertThat(invitations.stored(expired.invitation().id()).orElseThrow().status(clock.instant()))
                    .isEqualTo(InvitationStatus.REVOKED);
            assertThat(invitations.stored(renewed.invitation().id()).orElseThrow().status(clock.instant()))
                    .isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        void aPendingInvitationDoesNotMakeWay() {
            var pending = invite("grace@example.com", "member");
            clock.set(pending.invitation().expiresAt().minusSeconds(1));

            assertThatThrownBy(() -> invite("grace@example.com", "member")).isInstanceOf(ConflictException.class);
            assertThat(invitations.stored(pending.invitation().id()).orElseThrow().revokedAt()).isNull();
        }
    }

    @Nested
    class Listing {
        @Test
        void listsTheTenantsInvitationsNewestFirstInPages() {
            var first = invite("a@example.com", "member").invitation().id();
            var second = invite("b@example.com", "member").invitation().id();
            var third = invite("c@example.com", "member").invitation().id();
            invitations.given(anInvitation().withOrganizationId(otherTenant).build());

            var page = service.list(PageRequest.first(2));
            var next = service.list(new PageRequest<>(page.last().id(), 2));

            assertThat(page.items()).extracting(Invitation::id).containsExactly(third, second);
            assertThat(page.hasMore()).isTrue();
            assertThat(next.items()).extracting(Invitation::id).containsExactly(first);
            assertThat(next.hasMore()).isFalse();
        }

        @Test
        void needsMembersManageNotJustMembersRead() {
            var reader = serviceActingFor(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_READ));

            assertThatThrownBy(() -> reader.list(PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }
    }

    @Nested
    class Revoking {
        @Test
        void revokingClosesTheInvitationAndIsHarmlessTwice() {
            var issued = invite("grace@example.com", "member");
            clock.set(NOW.plusSeconds(10));

            service.revoke(issued.invitation().id(), ExpectedVersion.exactly(1));
            service.revoke(issued.invitation().id(), ExpectedVersion.exactly(1));

            var stored = invitations.stored(issued.invitation().id()).orElseThrow();
            assertThat(stored.revokedAt()).isEqualTo(NOW.plusSeconds(10));
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.email()).isEqualTo("grace@example.com");
        }

        @Test
        void anotherTenantsInvitationAndARandomIdAreNotFound() {
            var theirs = anInvitation().withOrganizationId(otherTenant).build();
            invitations.given(theirs);

            assertThatThrownBy(() -> service.revoke(theirs.id(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service.revoke(InvitationId.generate(), ExpectedVersion.ANY))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(invitations.stored(theirs.id())).contains(theirs);
        }

        @Test
        void anAcceptedInvitationCannotBeRevoked() {
            var issued = invite("grace@example.com", "member");
            accept(issued, "correct horse battery", "Grace");

            assertThatThrownBy(() -> service.revoke(issued.invitation().id(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void aStaleIfMatchIsRefused() {
            var issued = invite("grace@example.com", "member");

            assertThatThrownBy(() -> service.revoke(issued.invitation().id(), ExpectedVersion.exactly(7)))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(invitations.stored(issued.invitation().id()).orElseThrow().revokedAt()).isNull();
        }

        @Test
        void aRevocationRacingAnAcceptanceIsAConflict() {
            var issued = invite("grace@example.com", "member");
            invitations.beforeNextUpdate(InvitationServiceTest::acceptedElsewhere);

            assertThatThrownBy(() -> service.revoke(issued.invitation().id(), ExpectedVersion.ANY))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void needsMembersManage() {
            var issued = invite("grace@example.com", "member");
            var reader = serviceActingFor(FixedCurrentTenant.of(tenant).withOnly(AccessPermissions.MEMBERS_READ));

            assertThatThrownBy(() -> reader.revoke(issued.invitation().id(), ExpectedVersion.ANY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(invitations.stored(issued.invitation().id()).orElseThrow().revokedAt()).isNull();
        }
    }

    @Nested
    class Accepting {
        @Test
        void aNewAddressGetsAnAccountAndTheMembershipInOneTransactionOfTheInvitingOrganization() {
            var issued = invite("grace@example.com", "member", "viewer");
            transactions.forgetTransactions();
            clock.set(NOW.plusSeconds(60));

            var accepted = accept(issued, "correct horse battery", "Grace Hopper");

            assertThat(accepted.organizationId()).isEqualTo(tenant);
            assertThat(accepted.roles()).containsExactlyInAnyOrder("member", "viewer");
            assertThat(accepted.newAccount()).isTrue();
            var account = accounts.registered.getFirst();
            assertThat(account.email()).isEqualTo("grace@example.com");
            assertThat(account.displayName()).isEqualTo("Grace Hopper");
            assertThat(accepted.userId()).isEqualTo(account.userId());
            assertThat(rolesOf(tenant, accepted.userId())).contains(Set.of("member", "viewer"));
            var stored = invitations.stored(issued.invitation().id()).orElseThrow();
            assertThat(stored.acceptedBy()).isEqualTo(accepted.userId());
            assertThat(stored.acceptedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(stored.email()).isNull();
            assertThat(transactions.transactions()).containsExactly(new Transaction(tenant, true, Outcome.COMMITTED),
                    new Transaction(tenant, false, Outcome.COMMITTED));
        }

        @Test
        void anExistingAccountJoinsWithItsOwnPassword() {
            var ada = accounts.existing("ada@example.com");
            givenMember(otherTenant, ada, BuiltinRole.MEMBER);
            var issued = invite("Ada@Example.com", "viewer");

            var accepted = accept(issued, OWN_PASSWORD, null);

            assertThat(accepted.userId()).isEqualTo(ada);
            assertThat(accepted.newAccount()).isFalse();
            assertThat(accounts.registered).isEmpty();
            assertThat(accounts.hashes).isZero();
            assertThat(rolesOf(tenant, ada)).contains(Set.of("viewer"));
            assertThat(rolesOf(otherTenant, ada)).contains(Set.of("member"));
        }

        @Test
        void anExistingAccountDoesNotJoinWithoutItsOwnPassword() {
            var ada = accounts.existing("ada@example.com");
            var issued = invite("ada@example.com", "admin");

            assertThatThrownBy(() -> accept(issued, "some other password", "Someone"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertInvalid("password", () -> accept(issued, null, null));

            assertStillPending(issued);
            assertThat(rolesOf(tenant, ada)).isEmpty();
            assertThat(accounts.registered).isEmpty();
        }

        @Test
        void aNewAccountNeedsAPasswordAndADisplayName() {
            var issued = invite("grace@example.com", "member");

            assertInvalid("password", () -> accept(issued, null, "Grace"));
            assertInvalid("password", () -> accept(issued, "too short", "Grace"));
            assertInvalid("displayName", () -> accept(issued, "correct horse battery", null));
            assertInvalid("displayName", () -> accept(issued, "correct horse battery", "  "));

            assertStillPending(issued);
            assertThat(accounts.registered).isEmpty();
            assertThat(membersOf(tenant)).isEmpty();
        }

        @Test
        void anExpiredInvitationSaysSoAndChangesNothing() {
            var issued = invite("grace@example.com", "member");
            clock.set(issued.invitation().expiresAt());

            assertConflict(() -> accept(issued, "correct horse battery", "Grace"), "expired");
            assertThat(invitations.stored(issued.invitation().id())).contains(issued.invitation());
            assertThat(accounts.registered).isEmpty();
            assertThat(accounts.hashes).as("refused before the slow hash").isZero();
            assertThat(membersOf(tenant)).isEmpty();
        }

        @Test
        void aRevokedInvitationSaysSo() {
            var issued = invite("grace@example.com", "member");
            service.revoke(issued.invitation().id(), ExpectedVersion.ANY);

            assertConflict(() -> accept(issued, "correct horse battery", "Grace"), "revoked");
            assertThat(accounts.registered).isEmpty();
            assertThat(membersOf(tenant)).isEmpty();
        }

        @Test
        void anInvitationIsUsedOnce() {
            var issued = invite("grace@example.com", "member");
            var first = accept(issued, "correct horse battery", "Grace");

            assertConflict(() -> accept(issued, "correct horse battery", "Grace"), "already been accepted");
            assertThat(accounts.registered).hasSize(1);
            assertThat(membersOf(tenant)).containsExactly(first.userId());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "tci_", "not a token", "tcr_AAAA"})
        void aMalformedTokenIsNotFound(String token) {
            invite("grace@example.com", "member");
            transactions.forgetTransactions();

            assertThatThrownBy(() -> anonymous.accept(new AcceptInvitationCommand(token, "correct horse battery",
                    "Grace"))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(transactions.transactions()).as("nothing to look up").isEmpty();
        }

        @Test
        void aForgedSecretIsNotFoundLikeAnUnknownInvitation() {
            var builder = anInvitation().withOrganizationId(tenant).withExpiresAt(NOW.plus(Duration.ofDays(1)));
            var stored = builder.build();
            invitations.given(stored);
            var forged = anInvitation().withOrganizationId(tenant).withId(stored.id()).token();
            var unknown = anInvitation().withOrganizationId(tenant).token();

            var forgedFailure = catchNotFound(forged.reveal());
            var unknownFailure = catchNotFound(unknown.reveal());

            assertThat(forgedFailure.getMessage()).isEqualTo(unknownFailure.getMessage());
            assertThat(invitations.stored(stored.id())).contains(stored);
            assertThat(membersOf(tenant)).isEmpty();
            // The genuine token still works afterwards.
            assertThat(anonymous.accept(new AcceptInvitationCommand(builder.token().reveal(), "correct horse battery",
                    "Grace")).organizationId()).isEqualTo(tenant);
        }

        @Test
        void aTokenRunsOnlyInItsOwnOrganizationsTransactions() {
            // An invitation of tenant, reached with a token that names the other tenant: not found there.
            var builder = anInvitation().withOrganizationId(tenant).withExpiresAt(NOW.plus(Duration.ofDays(1)));
            var stored = builder.build();
            invitations.given(stored);
            var elsewhere = anInvitation().withOrganizationId(otherTenant).withId(stored.id()).token();

            catchNotFound(elsewhere.reveal());

            assertThat(transactions.transactions()).extracting(Transaction::organizationId).containsOnly(otherTenant);
            assertThat(invitations.stored(stored.id())).contains(stored);
        }

        @Test
        void anApiKeyCannotAccept() {
            var issued = invite("grace@example.com", "member");
            acceptor = Actor.apiKey(UUID.randomUUID());

            assertThatThrownBy(() -> accept(issued, "correct horse battery", "Grace"))
                    .isInstanceOf(AccessDeniedException.class);
            assertStillPending(issued);
        }

        @Test
        void aSignedInUserAcceptsOnlyTheirOwnAddressesInvitations() {
            var ada = accounts.existing("ada@example.com");
            var forAda = invite("ada@example.com", "member");
            var forGrace = invite("grace@example.com", "member");
            acceptor = Actor.user(ada.value());

            assertThatThrownBy(() -> accept(forGrace, "correct horse battery", "Grace"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(accept(forAda, null, null).userId()).isEqualTo(ada);
            assertStillPending(forGrace);
            assertThat(accounts.registered).isEmpty();
        }

        @Test
        void aSuspendedAccountCannotJoin() {
            accounts.suspended.add("ada@example.com");
            accounts.existing("ada@example.com");
            var issued = invite("ada@example.com", "member");

            assertThatThrownBy(() -> accept(issued, OWN_PASSWORD, null)).isInstanceOf(AccessDeniedException.class);
            assertStillPending(issued);
        }

        @Test
        void anAccountThatBecameAMemberMeanwhileRollsEverythingBack() {
            var ada = accounts.existing("ada@example.com");
            var issued = invite("ada@example.com", "member");
            givenMember(tenant, ada, BuiltinRole.VIEWER);
            transactions.forgetTransactions();

            assertThatThrownBy(() -> accept(issued, OWN_PASSWORD, null)).isInstanceOf(ConflictException.class);
            assertStillPending(issued);
            assertThat(transactions.transactions()).last().extracting(Transaction::outcome)
                    .isEqualTo(Outcome.ROLLED_BACK);
        }

        @Test
        void aFailureAfterTheAccountIsWrittenRollsBackTheAccountToo() {
            var issued = invite("grace@example.com", "member");
            failNextAddMember = new IllegalStateException("database went away");

            assertThatThrownBy(() -> accept(issued, "correct horse battery", "Grace"))
                    .isInstanceOf(IllegalStateException.class);
            assertStillPending(issued);
            assertThat(accounts.registered).isEmpty();
        }

        @Test
        void aConcurrentAcceptanceWinsAndThisOneSaysTheInvitationWasUsed() {
            var issued = invite("grace@example.com", "member");
            invitations.beforeNextUpdate(InvitationServiceTest::acceptedElsewhere);

            assertConflict(() -> accept(issued, "correct horse battery", "Grace"), "already been accepted");
            assertThat(accounts.registered).isEmpty();
            assertThat(membersOf(tenant)).isEmpty();
        }

        @Test
        void anInvitationWhoseRolesWereAllDeletedCannotBeAccepted() {
            var builder = anInvitation().withOrganizationId(tenant).withExpiresAt(NOW.plus(Duration.ofDays(1)))
                    .withRoles();
            invitations.given(builder.build());

            assertConflict(() -> anonymous.accept(new AcceptInvitationCommand(builder.token().reveal(),
                    "correct horse battery", "Grace")), "deleted");
            assertThat(accounts.registered).isEmpty();
            assertThat(membersOf(tenant)).isEmpty();
        }

        private ResourceNotFoundException catchNotFound(String token) {
            try {
                anonymous.accept(new AcceptInvitationCommand(token, "correct horse battery", "Grace"));
            } catch (ResourceNotFoundException expected) {
                return expected;
            }
            throw new AssertionError("expected the invitation not to be found");
        }

        private void assertStillPending(Invitation.Issued issued) {
            assertThat(invitations.stored(issued.invitation().id()).orElseThrow().status(clock.instant()))
                    .isEqualTo(InvitationStatus.PENDING);
        }
    }

    /** What another request's acceptance leaves stored. */
    private static Invitation acceptedElsewhere(Invitation current) {
        return new Invitation(current.id(), current.organizationId(), null, current.roles(), current.tokenHash(),
                current.expiresAt(), NOW, UserId.generate(), null, current.version() + 1, current.createdAt(),
                current.updatedAt());
    }

    private void assertNothingHappened() {
        assertThat(invitations.writes()).isEmpty();
        assertThat(transactions.transactions()).isEmpty();
    }

    private static void assertInvalid(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvariantViolationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertConflict(ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOf(ConflictException.class).hasMessageContaining(why);
    }

    /** Every existing account's password in these tests. */
    private static final String OWN_PASSWORD = "their own passphrase";

    /** Accounts as the identity context keeps them: saving joins the fake transactions. */
    private final class FakeAccounts implements InvitationAccounts {
        record Registered(UserId userId, String email, String displayName) implements Invitee {
            @Override
            public boolean isNew() {
                return true;
            }
        }

        record Found(UserId userId) implements Invitee {
            @Override
            public boolean isNew() {
                return false;
            }
        }

        private final Map<String, UserId> byAddress = new HashMap<>();
        private final Set<String> suspended = new HashSet<>();
        private final List<Registered> registered = new ArrayList<>();
        private int hashes;

        FakeAccounts() {
            transactions.register(() -> {
                var copy = List.copyOf(registered);
                return () -> {
                    registered.clear();
                    registered.addAll(copy);
                };
            });
        }

        UserId existing(String email) {
            return byAddress.computeIfAbsent(email.toLowerCase(Locale.ROOT), key -> {
                var userId = UserId.generate();
                access.memberships.givenPerson(userId, key, null);
                return userId;
            });
        }

        @Override
        public Invitee provenByPassword(String email, String password, String displayName) {
            if (password == null) {
                throw new InvariantViolationException("password", "required");
            }
            new NewPassword(password);
            var key = email.toLowerCase(Locale.ROOT);
            var found = byAddress.get(key);
            if (found != null) {
                if (!password.equals(OWN_PASSWORD)) {
                    throw new AuthenticationFailedException();
                }
                return active(key, found);
            }
            if (displayName == null || displayName.isBlank()) {
                throw new InvariantViolationException("displayName", "required");
            }
            hashes++;
            var userId = UserId.generate();
            access.memberships.givenPerson(userId, email, displayName); // what a registration makes visible
            return new Registered(userId, email, displayName);
        }

        @Override
        public Invitee signedIn(String email, UserId userId) {
            var key = email.toLowerCase(Locale.ROOT);
            if (!userId.equals(byAddress.get(key))) {
                throw new AccessDeniedException("another address");
            }
            return active(key, userId);
        }

        private Invitee active(String key, UserId userId) {
            if (suspended.contains(key)) {
                throw new AccessDeniedException("suspended");
            }
            return new Found(userId);
        }

        @Override
        public void save(Invitee invitee) {
            transactions.requireWritable(transactions.activeTenant().orElseThrow());
            if (invitee instanceof Registered registration) {
                registered.add(registration);
            }
        }
    }

    /** A clock the test sets by hand. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
