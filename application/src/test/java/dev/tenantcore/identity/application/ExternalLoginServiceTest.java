package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExternalLoginServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ExternalLoginPolicy SIGN_UP = new ExternalLoginPolicy(false, true);
    private static final ExternalLoginPolicy BY_EMAIL = new ExternalLoginPolicy(true, false);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryAccounts accounts = new InMemoryAccounts(transactions);
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(transactions);
    private final Map<String, Set<Permission>> memberships = new HashMap<>();
    private final MemberProvisioning members = new MemberProvisioning() {
        @Override
        public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
            throw new UnsupportedOperationException("logins never add members");
        }

        @Override
        public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
            transactions.requireActive(organizationId);
            return Optional.ofNullable(memberships.get(organizationId + "/" + userId));
        }
    };
    private final OrganizationId acme = accounts.organization("acme");
    private Actor actor = Actor.ANONYMOUS;
    private final CurrentCaller caller = () -> new Caller(actor, null, "192.0.2.1", null);

    private ExternalLoginService service() {
        return serviceIn(FixedCurrentTenant.of(acme));
    }

    private ExternalLoginService serviceIn(FixedCurrentTenant tenant) {
        var passwords = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "hashed:" + password;
            }

            @Override
            public boolean verify(String password, String hash) {
                return hash.equals("hashed:" + password);
            }

            @Override
            public boolean verifyNothing(String password) {
                return false;
            }

            @Override
            public boolean needsRehash(String hash) {
                return false;
            }
        };
        var sessions = new AuthenticationService(accounts, accounts, refreshTokens, members, passwords,
                new LoginThrottle(clock), transactions, caller,
                new SessionSettings(Duration.ofMinutes(15), Duration.ofDays(30)), clock, duration -> { });
        return new ExternalLoginService(accounts, accounts, accounts, accounts, members, sessions, transactions,
                tenant, caller, clock);
    }

    private void member(OrganizationId organizationId, UserId userId, Permission... permissions) {
        memberships.put(organizationId + "/" + userId, Set.of(permissions));
    }

    private static ExternalIdentity identity(String subject, String email, boolean verified) {
        return new ExternalIdentity("acme-sso", subject, email == null ? null : new EmailAddress(email), verified,
                "Ada Lovelace");
    }

    private Session logIn(ExternalIdentity identity, ExternalLoginPolicy policy) {
        return service().logInExternal(new ExternalLogInCommand(identity, "acme", policy));
    }

    @Nested
    class LinkedSubjects {

        @Test
        void logInAsTheLinkedAccountWithTheMembersPermissions() {
            var ada = accounts.account("ada@acme.example", "hashed:a long enough password");
            accounts.linked(ada.id(), "acme-sso", "sub-1");
            member(acme, ada.id(), TaskPermissions.READ, TaskPermissions.WRITE);

            var session = logIn(identity("sub-1", "someone-else@elsewhere.example", false),
                    ExternalLoginPolicy.LINKED_ONLY);

            assertThat(session.userId()).isEqualTo(ada.id());
            assertThat(session.organizationId()).isEqualTo(acme);
            assertThat(session.permissions()).containsExactlyInAnyOrder(TaskPermissions.READ, TaskPermissions.WRITE);
            assertThat(session.accessTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(refreshTokens.all()).singleElement()
                    .satisfies(token -> assertThat(token.userId()).isEqualTo(ada.id()));
        }

        @Test
        void theOrganizationCanBeNamedByItsId() {
            var ada = accounts.account("ada@acme.example", null);
            accounts.linked(ada.id(), "acme-sso", "sub-1");
            member(acme, ada.id(), TaskPermissions.READ);

            var session = service().logInExternal(new ExternalLogInCommand(identity("sub-1", null, false),
                    acme.value().toString(), ExternalLoginPolicy.LINKED_ONLY));

            assertThat(session.organizationId()).isEqualTo(acme);
        }

        @Test
        void theSameSubjectAtAnotherProviderIsSomeoneElse() {
            var ada = accounts.account("ada@acme.example", null);
            accounts.linked(ada.id(), "other-idp", "sub-1");
            member(acme, ada.id(), TaskPermissions.READ);

            assertThatThrownBy(() -> logIn(identity("sub-1", null, false), ExternalLoginPolicy.LINKED_ONLY))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        void aNonMemberASuspendedAccountOrAnUnknownOrganizationFailAlike() {
            var ada = accounts.account("ada@acme.example", null);
            accounts.linked(ada.id(), "acme-sso", "sub-1");

            assertThatThrownBy(() -> logIn(identity("sub-1", null, false), ExternalLoginPolicy.LINKED_ONLY))
                    .isInstanceOf(AuthenticationFailedException.class);

            member(acme, ada.id(), TaskPermissions.READ);
            for (var organization : new String[] {null, "", "   ", "nowhere", UUID.randomUUID().toString(),
                    "x".repeat(2000)}) {
                assertThatThrownBy(() -> service().logInExternal(new ExternalLogInCommand(
                        identity("sub-1", null, false), organization, ExternalLoginPolicy.LINKED_ONLY)))
                        .as(String.valueOf(organization))
                        .isInstanceOf(AuthenticationFailedException.class);
            }

            accounts.suspend(ada.id());
            assertThatThrownBy(() -> logIn(identity("sub-1", null, false), ExternalLoginPolicy.LINKED_ONLY))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(refreshTokens.all()).isEmpty();
        }
    }

    @Nested
    class AddressesOfExistingAccounts {

        @Test
        void aVerifiedAddressDoesNotEnterTheAccountUnlessThePolicySaysSo() {
            var ada = accounts.account("ada@acme.example", "hashed:a long enough password");
            member(acme, ada.id(), TaskPermissions.READ);

            assertThatThrownBy(() -> logIn(identity("sub-9", "ADA@acme.example", true), SIGN_UP))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("log in to it and link acme-sso");

            assertThat(accounts.allLinks()).isEmpty();
            assertThat(accounts.allUsers()).hasSize(1);
            assertThat(refreshTokens.all()).isEmpty();
        }

        @Test
        void withLinkByVerifiedEmailTheSubjectIsLinkedAndLogsIn() {
            var ada = accounts.account("ada@acme.example", "hashed:a long enough password");
            member(acme, ada.id(), TaskPermissions.READ);

            var session = logIn(identity("sub-9", "Ada@Acme.example", true), BY_EMAIL);

            assertThat(session.userId()).isEqualTo(ada.id());
            assertThat(accounts.allLinks()).singleElement().satisfies(link -> {
                assertThat(link.userId()).isEqualTo(ada.id());
                assertThat(link.provider()).isEqualTo("acme-sso");
                assertThat(link.subject()).isEqualTo("sub-9");
                assertThat(link.emailAtProvider()).isEqualTo(new EmailAddress("Ada@Acme.example"));
                assertThat(link.linkedAt()).isEqualTo(NOW);
            });
            assertThat(logIn(identity("sub-9", null, false), ExternalLoginPolicy.LINKED_ONLY).userId())
                    .as("from now on the link alone logs in").isEqualTo(ada.id());
        }

        @Test
        void anUnverifiedAddressNeverLinksNorCreates() {
            var ada = accounts.account("ada@acme.example", null);
            member(acme, ada.id(), TaskPermissions.READ);
            var trustingEverything = new ExternalLoginPolicy(true, true);

            assertThatThrownBy(() -> logIn(identity("sub-9", "ada@acme.example", false), trustingEverything))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> logIn(identity("sub-10", "new@acme.example", false), trustingEverything))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> logIn(identity("sub-11", null, true), trustingEverything))
                    .isInstanceOf(AuthenticationFailedException.class);

            assertThat(accounts.allLinks()).isEmpty();
            assertThat(accounts.allUsers()).containsExactly(ada);
        }

        @Test
        void aSuspendedAccountIsNotLinked() {
            var ada = accounts.account("ada@acme.example", null);
            member(acme, ada.id(), TaskPermissions.READ);
            accounts.suspend(ada.id());

            assertThatThrownBy(() -> logIn(identity("sub-9", "ada@acme.example", true), BY_EMAIL))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(accounts.allLinks()).isEmpty();
        }
    }

    @Nested
    class NewPeople {

        @Test
        void aLoginThatWouldEndWithoutAMembershipCreatesNothingEvenWithSignUp() {
            assertThatThrownBy(() -> logIn(identity("sub-new", "grace@navy.example", true), SIGN_UP))
                    .isInstanceOf(AuthenticationFailedException.class);

            assertThat(accounts.allUsers()).isEmpty();
            assertThat(accounts.allLinks()).isEmpty();
        }

        @Test
        void withoutSignUpNothingIsCreated() {
            assertThatThrownBy(() -> logIn(identity("sub-new", "grace@navy.example", true), BY_EMAIL))
                    .isInstanceOf(AuthenticationFailedException.class);

            assertThat(accounts.allUsers()).isEmpty();
            assertThat(accounts.allLinks()).isEmpty();
        }

        @Test
        void aConcurrentFirstLoginOfTheSameSubjectIsFoundInsteadOfDuplicated() {
            var winner = accounts.account("grace@navy.example", null);
            member(acme, winner.id(), TaskPermissions.READ);
            // This login finds no link but the address, then loses the race to insert the link.
            var other = accounts.account("other@navy.example", null);
            accounts.linkConcurrentlyOnNextInsert(
                    dev.tenantcore.identity.domain.ExternalLogin.link(winner.id(), "acme-sso", "sub-new", null, NOW));
            member(acme, other.id(), TaskPermissions.READ);

            var session = logIn(identity("sub-new", "other@navy.example", true), BY_EMAIL);

            assertThat(session.userId()).isEqualTo(winner.id());
            assertThat(accounts.allUsers()).extracting(User::id).containsExactlyInAnyOrder(winner.id(), other.id());
        }
    }

    @Nested
    class Links {
        private User ada;

        @org.junit.jupiter.api.BeforeEach
        void adaCalls() {
            ada = accounts.account("ada@acme.example", null);
            actor = Actor.user(ada.id().value());
        }

        @Test
        void anApiKeyCannotStartListOrRemoveLinks() {
            actor = Actor.apiKey(UUID.randomUUID());

            assertThatThrownBy(() -> service().startLink()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service().list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service().unlink(ExternalLoginId.generate()))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void startingNamesTheCallerAndTheTokensOrganization() {
            assertThat(service().startLink()).isEqualTo(new PendingLink(ada.id(), acme));
        }

        @Test
        void linkingIsIdempotentForTheSameAccountAndRefusedForAnother() {
            var pending = new PendingLink(ada.id(), acme);

            var first = service().link(pending, identity("sub-1", "ada@gmail.example", true));
            var again = service().link(pending, identity("sub-1", null, false));
            var grace = accounts.account("grace@navy.example", null);

            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.login()).isEqualTo(first.login());
            assertThatThrownBy(() -> service().link(new PendingLink(grace.id(), acme), identity("sub-1", null, false)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("linked to another user");
            assertThat(accounts.allLinks()).containsExactly(first.login());
        }

        @Test
        void aSuspendedAccountCannotFinishALink() {
            accounts.suspend(ada.id());

            assertThatThrownBy(() -> service().link(new PendingLink(ada.id(), acme), identity("sub-1", null, false)))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(accounts.allLinks()).isEmpty();
        }

        @Test
        void listShowsTheCallersLinksOnly() {
            var mine = accounts.linked(ada.id(), "acme-sso", "sub-1");
            var grace = accounts.account("grace@navy.example", null);
            accounts.linked(grace.id(), "acme-sso", "sub-2");

            assertThat(service().list()).containsExactly(mine);
        }

        @Test
        void theLastWayToLogInCannotBeRemoved() {
            var first = accounts.linked(ada.id(), "acme-sso", "sub-1");
            var second = accounts.linked(ada.id(), "other-idp", "sub-1");

            service().unlink(first.id());

            assertThatThrownBy(() -> service().unlink(second.id()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("only way to log in");
            assertThat(accounts.allLinks()).containsExactly(second);
        }

        @Test
        void withAPasswordTheLastLinkCanGo() {
            var withPassword = accounts.account("pat@acme.example", "hashed:a long enough password");
            actor = Actor.user(withPassword.id().value());
            var only = accounts.linked(withPassword.id(), "acme-sso", "sub-1");

            service().unlink(only.id());

            assertThat(accounts.allLinks()).isEmpty();
        }

        @Test
        void anotherUsersLinkIsNotFoundAndStays() {
            accounts.linked(ada.id(), "acme-sso", "sub-1");
            var grace = accounts.account("grace@navy.example", null);
            var hers = accounts.linked(grace.id(), "acme-sso", "sub-2");

            assertThatThrownBy(() -> service().unlink(hers.id())).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> service().unlink(ExternalLoginId.generate()))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(accounts.allLinks()).contains(hers);
        }
    }
}
