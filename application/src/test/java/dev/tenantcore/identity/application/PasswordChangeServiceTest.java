package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordChangeServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String CURRENT = "correct horse battery";
    private static final String NEXT = "staple horse correct battery";

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryPeople people = new InMemoryPeople(transactions, clock);
    private final CountingHasher hasher = new CountingHasher();
    private final LoginThrottle throttle = new LoginThrottle(clock);
    private final List<Duration> pauses = new ArrayList<>();
    private final OrganizationId acme = OrganizationId.generate();
    private final OrganizationId globex = OrganizationId.generate();
    private final UserId ada = UserId.generate();
    private final UserId grace = UserId.generate();
    private Caller caller = new Caller(Actor.user(ada.value()), "req", "192.0.2.1", null);

    private final PasswordChangeService service = new PasswordChangeService(people, people, hasher, throttle,
            transactions, FixedCurrentTenant.of(acme).withOnly(), () -> caller, clock, pauses::add);

    PasswordChangeServiceTest() {
        register(ada, "Ada@Example.com", "hash:" + CURRENT);
        register(grace, "grace@example.com", "hash:" + CURRENT);
        people.issueRefreshToken(ada, acme);
        people.issueRefreshToken(ada, globex);
        people.issueRefreshToken(grace, acme);
        clock.advance(Duration.ofMinutes(5));
    }

    private void register(UserId id, String email, String hash) {
        people.register(new User(id, new EmailAddress(email), User.Status.ACTIVE, 1, NOW, NOW), hash, NOW,
                UserProfile.initial(id, "Someone", NOW));
    }

    private void change(String current, String next) {
        service.changePassword(ChangePasswordCommand.of(current, next));
    }

    @Test
    void replacesTheHashAndRevokesEveryRefreshTokenOfTheUserInEveryOrganization() {
        change(CURRENT, NEXT);

        assertThat(people.passwordHashOf(ada)).contains("hash:" + NEXT);
        assertThat(people.refreshTokensOf(ada)).hasSize(2)
                .allSatisfy(token -> assertThat(token.revokedAt()).isEqualTo(clock.instant()));
        assertThat(people.refreshTokensOf(grace)).singleElement()
                .satisfies(token -> assertThat(token.revokedAt()).isNull());
        assertThat(hasher.verifications).isEqualTo(1);
        assertThat(transactions.transactions()).containsExactly(new Transaction(acme, true, Outcome.COMMITTED),
                new Transaction(acme, false, Outcome.COMMITTED));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedCountedAndChangesNothing() {
        assertThatThrownBy(() -> change("wrong horse battery", NEXT)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("currentPassword is wrong");

        assertThat(people.passwordHashOf(ada)).contains("hash:" + CURRENT);
        assertThat(people.refreshTokensOf(ada)).allSatisfy(token -> assertThat(token.revokedAt()).isNull());
        assertThat(pauses).hasSize(1);
    }

    @Test
    void guessingHereIsGuessingALoginTheSameThrottleLocksTheAccount() {
        for (int i = 0; i < LoginThrottlePolicy.DEFAULT.pairLimit(); i++) {
            assertThatThrownBy(() -> change("wrong horse battery", NEXT)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(pauses.getLast()).isPositive();

        hasher.verifications = 0;
        assertThatThrownBy(() -> change(CURRENT, NEXT)).isInstanceOf(TooManyAttemptsException.class);
        assertThat(hasher.verifications).as("refused without looking at the password").isZero();
        // The lock is the login's too, under the address (whatever its case), from this network only.
        assertThat(throttle.refusal("ada@example.com", "192.0.2.1")).isPresent();
        assertThat(throttle.refusal("ada@example.com", "198.51.100.1")).isEmpty();

        clock.advance(LoginThrottlePolicy.DEFAULT.lockout().plusSeconds(1));
        change(CURRENT, NEXT);
        assertThat(people.passwordHashOf(ada)).contains("hash:" + NEXT);
    }

    @Test
    void theNewPasswordMustFollowTheRulesAndDifferBeforeAnythingChanges() {
        assertThatThrownBy(() -> change(CURRENT, "short")).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("newPassword");
        assertThatThrownBy(() -> change(CURRENT, null)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("newPassword");
        assertThatThrownBy(() -> change(null, NEXT)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("currentPassword");
        assertThatThrownBy(() -> change("x".repeat(5000), NEXT)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("currentPassword");
        assertThat(hasher.verifications).isZero();

        assertThatThrownBy(() -> change(CURRENT, CURRENT)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("newPassword");
        assertThat(people.passwordHashOf(ada)).contains("hash:" + CURRENT);
        assertThat(people.refreshTokensOf(ada)).allSatisfy(token -> assertThat(token.revokedAt()).isNull());
    }

    @Test
    void anAccountWithoutAPasswordDoesTheSameWorkAndIsRefused() {
        var linda = UserId.generate();
        register(linda, "linda@example.com", null);
        caller = new Caller(Actor.user(linda.value()), null, null, null);

        assertThatThrownBy(() -> change(CURRENT, NEXT)).isInstanceOf(AccessDeniedException.class);
        assertThat(hasher.verifications).isEqualTo(1);
        assertThat(people.passwordHashOf(linda)).isEmpty();
    }

    @Test
    void aPasswordChangedMeanwhileIsNotOverwritten() {
        hasher.onVerify = () -> people.updatePasswordHashOutsideTheUseCase(ada, "hash:changed elsewhere!");

        assertThatThrownBy(() -> change(CURRENT, NEXT)).isInstanceOf(ConflictException.class);
        assertThat(people.passwordHashOf(ada)).contains("hash:changed elsewhere!");
    }

    @Test
    void apiKeysAndErasedAccountsHaveNoPassword() {
        caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);
        assertThatThrownBy(() -> change(CURRENT, NEXT)).isInstanceOf(AccessDeniedException.class);

        caller = new Caller(Actor.user(UUID.randomUUID()), null, null, null);
        assertThatThrownBy(() -> change(CURRENT, NEXT)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(hasher.verifications).isZero();
    }

    @Test
    void neverPrintsThePasswords() {
        assertThat(ChangePasswordCommand.of(CURRENT, NEXT).toString()).doesNotContain(CURRENT).doesNotContain(NEXT);
    }

    private static final class CountingHasher implements PasswordHasher {
        int verifications;
        Runnable onVerify = () -> { };

        @Override
        public String hash(String password) {
            return "hash:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            verifications++;
            onVerify.run();
            return hash.equals("hash:" + password);
        }

        @Override
        public boolean verifyNothing(String password) {
            verifications++;
            return false;
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }
    }
}
