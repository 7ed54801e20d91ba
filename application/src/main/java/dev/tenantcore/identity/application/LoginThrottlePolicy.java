package dev.tenantcore.identity.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed password logins {@link LoginThrottle} tolerates before it refuses further attempts, and for how
 * long. Only accounts are ever locked; a client address is only slowed down.
 *
 * @param pairLimit                   failures on one account from one client network within {@code window} that
 *                                    lock that account for that network (and for no other)
 * @param accountLimit                failures on one account within {@code window}, from all networks together,
 *                                    that lock the account everywhere; a success on the account starts the count
 *                                    again, so these are consecutive failures
 * @param addressFailuresWithoutDelay failures from one client network within {@code window}, over all accounts,
 *                                    that answer without delay; every further one is slowed down (growing, capped),
 *                                    never refused. Successes do not reset this count
 * @param window                      how long a series of failures is remembered, counted from its first failure
 * @param lockout                     how long a locked account (or account and network) is refused
 */
public record LoginThrottlePolicy(int pairLimit, int accountLimit, int addressFailuresWithoutDelay, Duration window,
        Duration lockout) {

    /**
     * Five failures on an account from one network lock the account for that network; ten from anywhere lock it
     * everywhere, so one source alone (a mistyping script, an attacker behind an office's NAT) cannot lock anybody
     * out of an account elsewhere. A network's first ten failures over all accounts answer at once, later ones
     * slowly. Series last fifteen minutes, and so do locks.
     */
    public static final LoginThrottlePolicy DEFAULT =
            new LoginThrottlePolicy(5, 10, 10, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LoginThrottlePolicy {
        if (pairLimit < 1) {
            throw new IllegalArgumentException("pairLimit must be at least 1, was " + pairLimit);
        }
        if (accountLimit < pairLimit) {
            // Below it, the pair lock would never be the one that stops a single source, and one source would lock
            // the account everywhere.
            throw new IllegalArgumentException(
                    "accountLimit must be at least pairLimit (" + pairLimit + "), was " + accountLimit);
        }
        if (addressFailuresWithoutDelay < 0) {
            throw new IllegalArgumentException(
                    "addressFailuresWithoutDelay must not be negative, was " + addressFailuresWithoutDelay);
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
