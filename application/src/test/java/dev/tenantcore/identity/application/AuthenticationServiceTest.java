package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String PASSWORD = "correct horse battery";
    private static final Set<Permission> MEMBER = Set.of(TaskPermissions.READ, TaskPermissions.WRITE);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final OrganizationId acme = OrganizationId.generate();
    private final OrganizationId globex = OrganizationId.generate();
    private final UserId ada = UserId.generate();

    /** Ada is an active member of Acme and of nothing else. */
    private final Map<OrganizationId, Set<Permission>> memberships = new HashMap<>(Map.of(acme, MEMBER));
    private User.Status adaStatus = User.Status.ACTIVE;
    private final FakeHasher hasher = new FakeHasher();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(transactions);
    private final List<Duration> pauses = new ArrayList<>();

    private final LoginLookup lookup = (email, organization) -> {
        if (!email.key().equals("ada@example.com")) {
            return Optional.empty();
        }
        var organizationId = organization.equals("acme") ? acme : organization.equals("globex") ? globex : null;
        var membership = Optional.ofNullable(organizationId).filter(memberships::containsKey)
                .map(id -> new LoginCandidate.Membership(id, true, memberships.get(id)));
        return Optional.of(new LoginCandidate(ada, adaStatus, "hash:" + PASSWORD, membership));
    };

    private final MemberProvisioning members = new MemberProvisioning() {
        @Override
        public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
            throw new AssertionError("not used by authentication");
        }

        @Override
        public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
            transactions.requireActive(organizationId);
            return userId.equals(ada) ? Optional.ofNullable(memberships.get(organizationId)) : Optional.empty();
        }
    };

    private final UserRepository users = new UserRepository() {
        @Override
        public void register(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile) {
            throw new AssertionError("not used by authentication");
        }

        @Override
        public Optional<User> findById(UserId id) {
            return id.equals(ada) ? Optional.of(new User(ada, new EmailAddress("ada@example.com"), adaStatus, 1,
                    NOW, NOW)) : Optional.empty();
        }

        @Override
        public Optional<UserProfile> findProfile(UserId id) {
            return Optional.empty();
        }

        @Override
        public Optional<String> findPasswordHash(UserId id) {
            return Optional.of("hash:" + PASSWORD);
        }

        @Override
        public void updatePasswordHash(UserId id, String passwordHash, Instant changedAt) {
            hasher.rehashed.add(passwordHash);
        }
    };

    private final AuthenticationService service = new AuthenticationService(lookup, users, refreshTokens, members,
            hasher, new LoginThrottle(clock), transactions, () -> new Caller(Actor.ANONYMOUS, "req", "192.0.2.1", null),
            new SessionSettings(Duration.ofMinutes(15), Duration.ofDays(30)), clock, pauses::add);

    private Session logIn(String email, String password, String organization) {
        return service.logIn(new LogInCommand(email, password, organization));
    }

    @Nested
    class LogIn {

        @Test
        void aMemberWithTheRightPasswordGetsASessionForThatOrganizationOnly() {
            var session = logIn("Ada@Example.com", PASSWORD, "acme");

            assertThat(session.userId()).isEqualTo(ada);
            assertThat(session.organizationId()).isEqualTo(acme);
            assertThat(session.permissions()).isEqualTo(MEMBER);
            assertThat(session.accessTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(session.refreshTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
            assertThat(refreshTokens.stored).hasSize(1);
            assertThat(refreshTokens.stored.values().iterator().next().organizationId()).isEqualTo(acme);
        }

        @Test
        void everyFailureIsTheSameAfterExactlyOnePasswordVerification() {
            List<Runnable> failures = List.of(
                    () -> logIn("ada@example.com", "wrong password!", "acme"),
                    () -> logIn("nobody@example.com", PASSWORD, "acme"),
                    () -> logIn("ada@example.com", PASSWORD, "globex"),
                    () -> logIn("ada@example.com", PASSWORD, "no-such-org"),
                    () -> logIn("not an address", PASSWORD, "acme"),
                    () -> logIn(null, null, null),
                    () -> logIn("ada@example.com", PASSWORD, "x".repeat(5000)));
            for (var failure : failures) {
                hasher.verifications = 0;
                assertThatThrownBy(failure::run).isInstanceOf(AuthenticationFailedException.class)
                        .hasMessage("the credentials are not valid");
                assertThat(hasher.verifications).as("password verifications").isEqualTo(1);
            }
            assertThat(refreshTokens.stored).isEmpty();
        }

        @Test
        void aSuspendedAccountCannotLogIn() {
            adaStatus = User.Status.SUSPENDED;
            assertThatThrownBy(() -> logIn("ada@example.com", PASSWORD, "acme"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        void repeatedFailuresAreSlowedDownThenRefusedWithoutLookingAtThePassword() {
            for (int i = 0; i < LoginThrottlePolicy.DEFAULT.pairLimit(); i++) {
                assertThatThrownBy(() -> logIn("ada@example.com", "wrong password!", "acme"))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            assertThat(pauses).hasSize(5);
            assertThat(pauses.getLast()).isPositive();

            hasher.verifications = 0;
            assertThatThrownBy(() -> logIn("ada@example.com", PASSWORD, "acme"))
                    .isInstanceOfSatisfying(TooManyAttemptsException.class,
                            refused -> assertThat(refused.retryAfter()).isPositive()
                                    .isLessThanOrEqualTo(LoginThrottlePolicy.DEFAULT.lockout()));
            assertThat(hasher.verifications).isZero();

            clock.advance(LoginThrottlePolicy.DEFAULT.lockout().plusSeconds(1));
            assertThat(logIn("ada@example.com", PASSWORD, "acme").userId()).isEqualTo(ada);
        }

        @Test
        void aWeakHashIsReplacedAtLogin() {
            hasher.weak = true;
            logIn("ada@example.com", PASSWORD, "acme");
            assertThat(hasher.rehashed).containsExactly("hash:" + PASSWORD);
        }
    }

    @Nested
    class Refresh {

        @Test
        void rotatesTheTokenAndReadsThePermissionsAfresh() {
            var first = logIn("ada@example.com", PASSWORD, "acme");
            memberships.put(acme, Set.of(TaskPermissions.READ));
            clock.advance(Duration.ofMinutes(20));

            var second = service.refresh(first.refreshToken());

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.permissions()).containsExactly(TaskPermissions.READ);
            assertThat(second.organizationId()).isEqualTo(acme);
            assertThat(second.accessTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(35)));
        }

        @Test
        void reusingAnOldTokenRevokesTheWholeFamily() {
            var first = logIn("ada@example.com", PASSWORD, "acme");
            var second = service.refresh(first.refreshToken());

            assertThatThrownBy(() -> service.refresh(first.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);
            // The family is gone: the legitimate holder of the newest token is logged out too.
            assertThatThrownBy(() -> service.refresh(second.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(refreshTokens.stored.values()).allSatisfy(token -> assertThat(token.revokedAt()).isNotNull());
        }

        @Test
        void anotherLoginsFamilyIsUntouchedByAReuse() {
            var phone = logIn("ada@example.com", PASSWORD, "acme");
            var laptop = logIn("ada@example.com", PASSWORD, "acme");
            service.refresh(phone.refreshToken());
            assertThatThrownBy(() -> service.refresh(phone.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);

            assertThat(service.refresh(laptop.refreshToken()).userId()).isEqualTo(ada);
        }

        @Test
        void aRemovedMemberCannotRefresh() {
            var session = logIn("ada@example.com", PASSWORD, "acme");
            memberships.remove(acme);
            assertThatThrownBy(() -> service.refresh(session.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        void anExpiredTokenFails() {
            var session = logIn("ada@example.com", PASSWORD, "acme");
            clock.advance(Duration.ofDays(31));
            assertThatThrownBy(() -> service.refresh(session.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        void forgedOrMalformedTokensFail() {
            var session = logIn("ada@example.com", PASSWORD, "acme");
            var real = session.refreshToken();
            var forged = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
            for (var presented : List.of(forged, "tcr_", "tcr_!!!", "nonsense", "")) {
                assertThatThrownBy(() -> service.refresh(presented))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            assertThat(service.refresh(real).userId()).isEqualTo(ada); // the forgeries spent nothing
        }
    }

    @Nested
    class LogOut {

        @Test
        void revokesTheFamily() {
            var first = logIn("ada@example.com", PASSWORD, "acme");
            var second = service.refresh(first.refreshToken());

            service.logOut(second.refreshToken());

            assertThatThrownBy(() -> service.refresh(second.refreshToken()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        void ignoresTokensThatAreNotValid() {
            var session = logIn("ada@example.com", PASSWORD, "acme");
            service.logOut("tcr_nonsense");
            service.logOut(null);
            assertThat(service.refresh(session.refreshToken()).userId()).isEqualTo(ada);
        }
    }

    /** A stand-in for Argon2id that counts verifications: the equal-work property is about their number. */
    private static final class FakeHasher implements PasswordHasher {
        int verifications;
        boolean weak;
        final List<String> rehashed = new ArrayList<>();

        @Override
        public String hash(String password) {
            return "hash:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            verifications++;
            return hash.equals("hash:" + password);
        }

        @Override
        public boolean verifyNothing(String password) {
            verifications++;
            return false;
        }

        @Override
        public boolean needsRehash(String hash) {
            return weak;
        }
    }
}
