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
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InvitationAccountServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final UserId ada = UserId.generate();
    private User.Status adaStatus = User.Status.ACTIVE;
    private final List<String> lookups = new ArrayList<>();
    private final List<String> hashed = new ArrayList<>();
    private final List<Object[]> registered = new ArrayList<>();

    /** Ada has an account; nobody else has. The lookup is asked without an organization. */
    private final LoginLookup lookup = (email, organization) -> {
        lookups.add(email.key() + " in " + organization);
        return email.key().equals("ada@example.com")
                ? Optional.of(new LoginCandidate(ada, adaStatus, null, Optional.empty()))
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
            throw new AssertionError("an invitation proves the address; no password is checked");
        }

        @Override
        public boolean verifyNothing(String password) {
            throw new AssertionError("an invitation proves the address; no password is checked");
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }
    };

    private final InvitationAccountService service = new InvitationAccountService(lookup, users, hasher,
            new MutableClock(NOW));

    @Test
    void anExistingAccountIsFoundByItsAddressWhateverTheCase() {
        assertThat(service.findByEmail("ADA@example.com")).contains(ada);
        assertThat(service.findByEmail("grace@example.com")).isEmpty();
        assertThat(lookups).containsExactly("ada@example.com in null", "grace@example.com in null");
        assertThat(hashed).isEmpty();
    }

    @Test
    void aSuspendedAccountIsRefused() {
        adaStatus = User.Status.SUSPENDED;

        assertThatThrownBy(() -> service.findByEmail("ada@example.com")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aNewAccountIsHashedWhenPreparedAndWrittenOnlyWhenRegistered() {
        var prepared = service.prepare("grace@example.com", "correct horse battery", "  Grace Hopper ");

        assertThat(hashed).containsExactly("correct horse battery");
        assertThat(registered).isEmpty();
        assertThat(prepared.toString()).doesNotContain("hash").doesNotContain("correct horse");

        service.register(prepared);

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
    void aNewAccountNeedsAGoodPasswordAndADisplayNameAndIsNotHashedOtherwise() {
        assertInvalid("password", () -> service.prepare("grace@example.com", null, "Grace"));
        assertInvalid("password", () -> service.prepare("grace@example.com", "short", "Grace"));
        assertInvalid("password", () -> service.prepare("grace@example.com", "x".repeat(257), "Grace"));
        assertInvalid("displayName", () -> service.prepare("grace@example.com", "correct horse battery", null));
        assertInvalid("displayName", () -> service.prepare("grace@example.com", "correct horse battery", " "));
        assertInvalid("displayName", () -> service.prepare("grace@example.com", "correct horse battery",
                "x".repeat(201)));

        assertThat(hashed).isEmpty();
    }

    @Test
    void onlyAccountsThisServicePreparedCanBeRegistered() {
        InvitationAccounts.NewAccount foreign = UserId::generate;

        assertThatThrownBy(() -> service.register(foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registered).isEmpty();
    }

    private static void assertInvalid(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvariantViolationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
