package dev.tenantcore.identity.application;

import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * A password proven the way a login proves it: refused with {@link TooManyAttemptsException} while the login
 * throttle holds the account or the caller's address, counted when wrong (answered only after the throttle's delay),
 * cleared when right. An account without a password does the same work and is never proven.
 */
@Singleton
final class ThrottledPasswordCheck {
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final CurrentCaller currentCaller;
    private final AuthenticationService.Pause pause;

    @Inject
    ThrottledPasswordCheck(PasswordHasher passwords, LoginThrottle throttle, CurrentCaller currentCaller) {
        this(passwords, throttle, currentCaller, ThrottledPasswordCheck::sleep);
    }

    ThrottledPasswordCheck(PasswordHasher passwords, LoginThrottle throttle, CurrentCaller currentCaller,
            AuthenticationService.Pause pause) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.currentCaller = currentCaller;
        this.pause = pause;
    }

    /**
     * Whether {@code password} is the account's.
     *
     * @param throttleKey the account's address, as the login throttle counts it
     * @param passwordHashOrNull the account's hash, or null for an account without a password
     */
    boolean proves(String throttleKey, String password, String passwordHashOrNull) {
        var address = currentCaller.caller().clientAddress();
        var refusal = throttle.refusal(throttleKey, address);
        if (refusal.isPresent()) {
            throw new TooManyAttemptsException(refusal.get());
        }
        var proven = passwordHashOrNull == null
                ? passwords.verifyNothing(password)
                : passwords.verify(password, passwordHashOrNull);
        if (!proven) {
            pause.pause(throttle.recordFailure(throttleKey, address));
            return false;
        }
        throttle.recordSuccess(throttleKey, address);
        return true;
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
