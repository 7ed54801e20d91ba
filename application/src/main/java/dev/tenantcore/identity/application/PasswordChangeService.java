package dev.tenantcore.identity.application;

import static dev.tenantcore.identity.application.CurrentUserService.callingUser;

import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Changing one's password. Guessing the current password here is guessing a login: the same throttle counts it,
 * under the same account key (the address), so a stolen access token buys no extra guesses, and the slow hashing
 * happens outside any transaction.
 */
@Singleton
final class PasswordChangeService implements ChangePasswordUseCase {
    private static final System.Logger LOG = System.getLogger(PasswordChangeService.class.getName());

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;
    private final AuthenticationService.Pause pause;

    @Inject
    PasswordChangeService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher passwords,
            LoginThrottle throttle, TenantTransactions transactions, CurrentTenant currentTenant,
            CurrentCaller currentCaller, Clock clock) {
        this(users, refreshTokens, passwords, throttle, transactions, currentTenant, currentCaller, clock,
                PasswordChangeService::sleep);
    }

    PasswordChangeService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher passwords,
            LoginThrottle throttle, TenantTransactions transactions, CurrentTenant currentTenant,
            CurrentCaller currentCaller, Clock clock, AuthenticationService.Pause pause) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
        this.pause = pause;
    }

    /** What the check needs, read in one short transaction. */
    private record Account(String throttleKey, String passwordHashOrNull) {
        @Override
        public String toString() {
            return "Account[" + throttleKey + ", ***]";
        }
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        var userId = callingUser(currentCaller);
        var organizationId = currentTenant.organizationId();
        var account = transactions.readLatest(organizationId, () -> {
            var user = users.findById(userId).orElseThrow(() -> new ResourceNotFoundException("user"));
            return new Account(user.email().value(), users.findPasswordHash(userId).orElse(null));
        });
        var address = currentCaller.caller().clientAddress();
        var refusal = throttle.refusal(account.throttleKey(), address);
        if (refusal.isPresent()) {
            throw new TooManyAttemptsException(refusal.get());
        }
        var current = command.currentPassword();
        var hash = account.passwordHashOrNull();
        // An account without a password (provider logins only) does the same work and gets the same answer.
        var proven = hash == null ? passwords.verifyNothing(current) : passwords.verify(current, hash);
        if (!proven) {
            pause.pause(throttle.recordFailure(account.throttleKey(), address));
            throw new AccessDeniedException("currentPassword is wrong");
        }
        throttle.recordSuccess(account.throttleKey(), address);
        if (command.newPassword().value().equals(current)) {
            throw new InvariantViolationException("newPassword", "newPassword must differ from the current password");
        }
        var replacement = passwords.hash(command.newPassword().value());
        var now = clock.instant();
        transactions.write(organizationId, () -> {
            // Proven against the hash read before: a change that slipped in meanwhile must not be overwritten.
            if (!Objects.equals(users.findPasswordHash(userId).orElse(null), hash)) {
                throw new ConflictException("the password was changed concurrently; retry");
            }
            users.updatePasswordHash(userId, replacement, now);
            refreshTokens.revokeAll(userId, now);
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "user {0} changed their password; their refresh tokens are revoked", userId);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
