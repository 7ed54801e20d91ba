package dev.tenantcore.identity.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed password logins {@link LoginThrottle} tolerates before it refuses further attempts, and for how
 * long.
 *
 * @param accountLimit failures on one account within {@code window} that lock the account; a success on the account
 *                     starts the count again, so these are consecutive failures
 * @param addressLimit failures from one client address within {@code window}, over all accounts, that lock the
 *                     address; successes do not reset this count
 * @param window       how long a series of failures is remembered, counted from its first failure
 * @param lockout      how long a locked account or address is refused
 */
public record LoginThrottlePolicy(int accountLimit, int addressLimit, Duration window, Duration lockout) {

    /**
     * Five failures lock an account, twenty lock an address, both within fifteen minutes and for fifteen minutes.
     * The address limit is higher because many people can share one address (an office, a carrier-grade NAT).
     */
    public static final LoginThrottlePolicy DEFAULT =
            new LoginThrottlePolicy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LoginThrottlePolicy {
        if (accountLimit < 1) {
            throw new IllegalArgumentException("accountLimit must be at least 1, was " + accountLimit);
        }
        if (addressLimit < 1) {
            throw new IllegalArgumentException("addressLimit must be at least 1, was " + addressLimit);
        }
        requirePositive(window, "window");
        requirePositive(lockout, "lockout");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
