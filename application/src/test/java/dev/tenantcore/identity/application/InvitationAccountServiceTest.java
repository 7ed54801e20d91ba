package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.application.InvitationAccounts;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvitationAccountServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final UserId ada = UserId.generate();
    private User.Status adaStatus = User.Status.ACTIVE;
    /** Ada's password hash; null for an account that logs in only through a provider. */
    private String adaHash = "hash:ada's own passphrase";
    private final List<String> verified = new ArrayList<>();
    private final List<String> lookups = new ArrayList<>();
    private final List<String> hashed = new ArrayList<>();
    private final List<Object[]> registered = new ArrayList<>();

    /** Ada has an account; nobody else has. The lookup is asked without an organization. */
    private final LoginLookup lookup = (email, organization) -> {
        lookups.add(email.key() + " in " + organization);
        return email.key().equals("ada@example.com")
                ? Optional.of(new LoginCandidate(ada, adaStatus, adaHash, Optional.empty()))
                : Optional.empty();
    };

    private final UserRepository users = new UserRepository() {
        @Override
        public void register(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile) {
            registered.add(new Object[] {user, passwordHash, passwordChangedAt, profile});
        }

        @Override
        public Optional<User> findById(UserId id) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<UserProfile> findProfile(UserId id) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<String> findPasswordHash(UserId id) {
            throw new AssertionError("not used");
        }

        @Override
        public void updatePasswordHash(UserId id, String passwordHash, Instant changedAt) {
            throw new AssertionError("not used");
        }
    };

    private final PasswordHasher hasher = new PasswordHasher() {
        @Override
        public String hash(String password) {
            hashed.add(password);
            return "hash:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            verified.add(password);
            return hash.equals("hash:" + password);
        }

        @Override
        public boolean verifyNothing(String password) {
            verified.add(password);
            return false;
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }
    };

    private final MutableClock clock = new MutableClock(NOW);
    private final LoginThrottle throttle = new LoginThrottle(clock);
    private final List<Duration> pauses = new ArrayList<>();
    private final InvitationAccountService service = new InvitationAccountService(lookup, users, hasher,
            new ThrottledPasswordCheck(hasher, throttle, () -> new Caller(Actor.ANONYMOUS, null, "203.0.113.7", null),
                    pauses::add),
            clock);

    @Nested
    class WithoutACredential {

        @Test
        void anExistingAccountAcceptsWithItsOwnPasswordAndNothingIsWritten() {
            var invitee = service.provenByPassword("ADA@example.com", "ada's own passphrase", null);

            assertThat(invitee.userId()).isEqualTo(ada);
            assertThat(invitee.isNew()).isFalse();
            assertThat(verified).containsExactly("ada's own passphrase");
            assertThat(hashed).isEmpty();

            service.save(invitee);
            assertThat(registered).isEmpty();
        }

        @Test
        void aWrongPasswordIsALoginFailureThatTheThrottleCounts() {
            for (var attempt = 0; attempt < 5; attempt++) {
                assertThatThrownBy(() -> service.provenByPassword("ada@example.com", "a guessed passphrase", null))
                        .isInstanceOf(AuthenticationFailedException.class);
            }

            assertThatThrownBy(() -> service.provenByPassword("ada@example.com", "ada's own passphrase", null))
                    .isInstanceOf(TooManyAttemptsException.class);
            assertThat(pauses).isNotEmpty();
            assertThat(hashed).isEmpty();
        }

        @Test
        void anAccountWithoutAPasswordCannotAcceptWithOneAndIsToldHowToAccept() {
            adaHash = null;

            assertThatThrownBy(() -> service.provenByPassword("ada@example.com", "any long passphrase", "Ada"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("access token");
            assertThat(verified).containsExactly("any long passphrase");
            assertThat(hashed).isEmpty();
        }

        @Test
        void aMissingOrMalformedPasswordIsRefusedBeforeTheAddressIsLookedUp() {
            assertInvalid("password", () -> service.provenByPassword("ada@example.com", null, null));
            assertInvalid("password", () -> service.provenByPassword("grace@example.com", null, "Grace"));
            assertInvalid("password", () -> service.provenByPassword("ada@example.com", "short", null));
            assertInvalid("password", () -> service.provenByPassword("grace@example.com", "x".repeat(257), "G"));

            assertThat(lookups).isEmpty();
            assertThat(verified).isEmpty();
        }

        @Test
        void aSuspendedAccountIsRefusedOnlyOnceItsPasswordWasRight() {
            adaStatus = User.Status.SUSPENDED;

            assertThatThrownBy(() -> service.provenByPassword("ada@example.com", "a guessed passphrase", null))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> service.provenByPassword("ada@example.com", "ada's own passphrase", null))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aNewAccountIsHashedWhenPreparedAndWrittenOnlyWhenSaved() {
            var prepared = service.provenByPassword("grace@example.com", "correct horse battery", "  Grace Hopper ");

            assertThat(prepared.isNew()).isTrue();
            assertThat(hashed).containsExactly("correct horse battery");
            assertThat(verified).isEmpty();
            assertThat(registered).isEmpty();
            assertThat(prepared.toString()).doesNotContain("hash").doesNotContain("correct horse");

            service.save(prepared);

            assertThat(registered).hasSize(1);
            var user = (User) registered.getFirst()[0];
            var profile = (UserProfile) registered.getFirst()[3];
            assertThat(user.id()).isEqualTo(prepared.userId());
            assertThat(user.email()).isEqualTo(new EmailAddress("grace@example.com"));
            assertThat(user.isActive()).isTrue();
            assertThat(registered.getFirst()[1]).isEqualTo("hash:correct horse battery");
            assertThat(registered.getFirst()[2]).isEqualTo(NOW);
            assertThat(profile.displayName()).isEqualTo("Grace Hopper");
            assertThat(profile.userId()).isEqualTo(user.id());
        }

        @Test
        void aNewAccountNeedsADisplayNameAndIsNotHashedOtherwise() {
            assertInvalid("displayName", () -> service.provenByPassword("grace@example.com", "correct horse battery",
                    null));
            assertInvalid("displayName", () -> service.provenByPassword("grace@example.com", "correct horse battery",
                    " "));
            assertInvalid("displayName", () -> service.provenByPassword("grace@example.com", "correct horse battery",
                    "x".repeat(201)));

            assertThat(hashed).isEmpty();
        }
    }

    @Nested
    class SignedIn {

        @Test
        void thePersonWhoseAddressWasInvitedAccepts() {
            var invitee = service.signedIn("Ada@Example.com", ada);

            assertThat(invitee.userId()).isEqualTo(ada);
            assertThat(invitee.isNew()).isFalse();
            assertThat(verified).isEmpty();
        }

        @Test
        void anotherPersonOrAnAddressWithoutAnAccountIsRefused() {
            assertThatThrownBy(() -> service.signedIn("ada@example.com", UserId.generate()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.signedIn("grace@example.com", ada))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aSuspendedAccountIsRefused() {
            adaStatus = User.Status.SUSPENDED;

            assertThatThrownBy(() -> service.signedIn("ada@example.com", ada))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void onlyInviteesThisServicePreparedCanBeSaved() {
        var foreign = new InvitationAccounts.Invitee() {
            @Override
            public UserId userId() {
                return UserId.generate();
            }

            @Override
            public boolean isNew() {
                return true;
            }
        };

        assertThatThrownBy(() -> service.save(foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registered).isEmpty();
    }

    private static void assertInvalid(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvariantViolationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
