package dev.tenantcore.identity.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slows down and then refuses repeated failed password logins, per account and per client address, so that guessing
 * passwords online takes an attacker days instead of minutes.
 *
 * <p>The login flow asks {@link #refusal} before it verifies a password and, while a refusal is present, answers 429
 * with {@code Retry-After} without looking at the password. After a wrong password it calls {@link #recordFailure}
 * and waits the returned duration before answering; after a right one it calls {@link #recordSuccess}. The waiting is
 * the caller's so that this class never blocks and a test needs nothing but a clock.
 *
 * <p>Counting follows {@link LoginThrottlePolicy}: a series of failures starts with its first failure and lasts one
 * window; reaching a limit within it locks the account or address for the lockout, after which it starts afresh. The
 * window is fixed rather than sliding, which needs one counter per key instead of a list of timestamps; the price is
 * that a series straddling the end of a window can hold up to twice the limit less two, and the slow-down still
 * applies to those. A success clears its account's series (and a lock a racing request ran into), never the
 * address's: otherwise an attacker who owns one account could reset the address-wide count between guesses at others.
 *
 * <p>Keys are plain strings: the throttle never learns whether an account exists, so an unknown email is slowed down
 * and refused exactly like a known one, and a 429 reveals nothing about it. Account keys are compared stripped and
 * lower-cased so that {@code Alice@Example.com} cannot buy five more guesses at {@code alice@example.com}. Client
 * addresses are whatever identifies the client's network: the caller must take it from the connection or from a
 * proxy it trusts (never from a header any client can set), and should pass an IPv6 client's /64 prefix rather than
 * its full address, since one subscriber usually holds a whole /64.
 *
 * <p>Memory is bounded. A series or a lock is forgotten when it ends; ended entries are swept once per window; and
 * when more than 100,000 keys are tracked (an attacker spraying random emails), the throttle sweeps and then forgets
 * a tenth of the entries: series of failures before locks, and among them those that would end soonest. Under
 * concurrent calls the bound may be exceeded briefly by the number of callers. Forgetting fails open, on purpose:
 * refusing every new key while full would lock everybody out.
 *
 * <p>The state lives in this process. That is enough for Tenantcore's single-instance monolith; several instances
 * behind a load balancer would each count separately, multiplying the limits by their number, and a restart forgets
 * every lock. Such a deployment needs a shared store (a database table, Redis) behind the same three methods.
 */
@Singleton
public final class LoginThrottle {

    static final int DEFAULT_MAX_ENTRIES = 100_000;

    /** The first two failures of a series are typing mistakes and answer at once. */
    private static final int FAILURES_WITHOUT_DELAY = 2;
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);
    /** 2 s is 250 ms doubled three times; more doublings only risk overflowing the shift. */
    private static final int MAX_DOUBLINGS = 3;

    /**
     * Longer than any valid email (254) or address, so no real key is cut; without it, one megabyte-long "email" per
     * entry would defeat the entry cap.
     */
    private static final int MAX_KEY_LENGTH = 320;

    private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

    /** Series before locks (a lock is what the throttle exists for), then whatever would end soonest anyway. */
    private static final Comparator<Map.Entry<Key, Attempts>> LEAST_WORTH_KEEPING_FIRST =
            Comparator.<Map.Entry<Key, Attempts>, Boolean>comparing(entry -> entry.getValue() instanceof Locked)
                    .thenComparing(entry -> entry.getValue().endsAt());

    private final Clock clock;
    private final LoginThrottlePolicy policy;
    private final int maxEntries;
    private final ConcurrentHashMap<Key, Attempts> entries = new ConcurrentHashMap<>();
    /** Serialises sweeping and eviction; counting itself is per key, inside {@link ConcurrentHashMap#compute}. */
    private final ReentrantLock housekeeping = new ReentrantLock();
    private volatile Instant nextSweepAt = Instant.MIN;

    @Inject
    public LoginThrottle(Clock clock) {
        this(clock, LoginThrottlePolicy.DEFAULT);
    }

    public LoginThrottle(Clock clock, LoginThrottlePolicy policy) {
        this(clock, policy, DEFAULT_MAX_ENTRIES);
    }

    LoginThrottle(Clock clock, LoginThrottlePolicy policy, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.maxEntries = maxEntries;
    }

    /**
     * Whether a login attempt must be refused without verifying its password, and if so for how long: the later end
     * of the account's and the address's lock. The caller answers 429 with {@code Retry-After} set to the duration in
     * whole seconds, rounded up.
     *
     * @param accountKey          the email the attempt names, whether or not such an account exists
     * @param clientAddressOrNull the client's network, or null when unknown (then only the account counts)
     */
    public Optional<Duration> refusal(String accountKey, String clientAddressOrNull) {
        var now = clock.instant();
        var lockedUntil = now;
        for (var key : keysOf(accountKey, clientAddressOrNull)) {
            // Ended locks are left for the sweep: removing them here would turn every check into a write.
            if (entries.get(key) instanceof Locked locked && locked.until().isAfter(lockedUntil)) {
                lockedUntil = locked.until();
            }
        }
        return lockedUntil.isAfter(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /**
     * Counts a wrong password against the account and the address, locking either when it reaches its limit.
     *
     * @return how long the caller should wait before answering this failure: nothing for the first two failures of a
     *         series, then 250 ms doubling up to 2 s, whichever of the account and the address has more failures
     */
    public Duration recordFailure(String accountKey, String clientAddressOrNull) {
        var now = clock.instant();
        var delay = Duration.ZERO;
        for (var key : keysOf(accountKey, clientAddressOrNull)) {
            var limit = limitOf(key);
            var attempts = entries.compute(key, (ignored, current) -> afterFailure(current, limit, now));
            delay = max(delay, delayAfter(attempts, limit));
        }
        keepBounded(now);
        return delay;
    }

    /**
     * Clears the account's failures (and a lock a racing request ran into: the password was right). It takes no
     * address because it must not touch the address's count, see the class comment.
     */
    public void recordSuccess(String accountKey) {
        entries.remove(Key.account(accountKey));
    }

    /** How many keys the throttle remembers, for tests of the memory bound. */
    int trackedEntries() {
        return entries.size();
    }

    private Attempts afterFailure(Attempts current, int limit, Instant now) {
        return switch (current) {
            case null -> oneMoreFailure(0, now.plus(policy.window()), limit, now);
            case Attempts ended when ended.hasEndedAt(now) -> oneMoreFailure(0, now.plus(policy.window()), limit, now);
            // A request that passed refusal() just before the lock: the lock stands and is not extended.
            case Locked locked -> locked;
            case Failing failing -> oneMoreFailure(failing.failures(), failing.windowEndsAt(), limit, now);
        };
    }

    private Attempts oneMoreFailure(int failuresSoFar, Instant windowEndsAt, int limit, Instant now) {
        var failures = failuresSoFar + 1;
        return failures >= limit ? new Locked(now.plus(policy.lockout())) : new Failing(failures, windowEndsAt);
    }

    private static Duration delayAfter(Attempts attempts, int limit) {
        var failures = switch (attempts) {
            case Failing failing -> failing.failures();
            case Locked ignored -> limit;
        };
        if (failures <= FAILURES_WITHOUT_DELAY) {
            return Duration.ZERO;
        }
        var doublings = Math.min(failures - FAILURES_WITHOUT_DELAY - 1, MAX_DOUBLINGS);
        return min(FIRST_DELAY.multipliedBy(1L << doublings), MAX_DELAY);
    }

    private int limitOf(Key key) {
        return switch (key.kind()) {
            case ACCOUNT -> policy.accountLimit();
            case ADDRESS -> policy.addressLimit();
        };
    }

    /**
     * Sweeps ended entries once per window, so memory follows the recent failure rate rather than the peak, and
     * evicts when the map is over its bound. The fast path reads two fields and takes no lock.
     */
    private void keepBounded(Instant now) {
        if (!needsHousekeeping(now)) {
            return;
        }
        housekeeping.lock();
        try {
            if (!needsHousekeeping(now)) {
                return; // another caller did it while this one waited
            }
            entries.entrySet().removeIf(entry -> entry.getValue().hasEndedAt(now));
            nextSweepAt = now.plus(policy.window());
            var size = entries.size();
            if (size > maxEntries) {
                evict(size - (maxEntries - maxEntries / 10));
            }
        } finally {
            housekeeping.unlock();
        }
    }

    private boolean needsHousekeeping(Instant now) {
        return !now.isBefore(nextSweepAt) || entries.size() > maxEntries;
    }

    /**
     * Evicts a tenth at a time, so that a spray of new keys pays for one sort per ten thousand entries rather than
     * one per request.
     */
    private void evict(int count) {
        // A sorted copy: the map's own entries are live views of a changing map.
        var candidates = new ArrayList<Map.Entry<Key, Attempts>>(entries.size());
        entries.forEach((key, attempts) -> candidates.add(Map.entry(key, attempts)));
        candidates.sort(LEAST_WORTH_KEEPING_FIRST);
        var evicted = 0;
        for (var candidate : candidates.subList(0, Math.min(count, candidates.size()))) {
            // Conditional: an entry that changed since the copy was just counted again and is kept.
            if (entries.remove(candidate.getKey(), candidate.getValue())) {
                evicted++;
            }
        }
        // An operator wants to know: it means a spray of logins over many emails or addresses, and forgotten counts.
        LOG.log(System.Logger.Level.WARNING, "login throttle over its bound of {0} entries: forgot {1}",
                maxEntries, evicted);
    }

    private static List<Key> keysOf(String accountKey, String clientAddressOrNull) {
        var account = Key.account(accountKey);
        return clientAddressOrNull == null || clientAddressOrNull.isBlank()
                ? List.of(account)
                : List.of(account, Key.address(clientAddressOrNull));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private enum Kind { ACCOUNT, ADDRESS }

    /** Accounts and addresses in one map, told apart by kind: an email can never collide with an address. */
    private record Key(Kind kind, String value) {

        static Key account(String accountKey) {
            return new Key(Kind.ACCOUNT, normalized(Objects.requireNonNull(accountKey, "accountKey")));
        }

        /** Lower-cased too: IPv6 hexadecimal digits are case-insensitive. */
        static Key address(String clientAddress) {
            return new Key(Kind.ADDRESS, normalized(clientAddress));
        }

        private static String normalized(String raw) {
            var stripped = raw.strip();
            var bounded = stripped.length() > MAX_KEY_LENGTH ? stripped.substring(0, MAX_KEY_LENGTH) : stripped;
            return bounded.toLowerCase(Locale.ROOT);
        }
    }

    /** What the throttle remembers about one key; immutable, replaced whole inside {@code compute}. */
    private sealed interface Attempts {

        /** When this entry stops mattering and may be forgotten. */
        Instant endsAt();

        default boolean hasEndedAt(Instant now) {
            return !now.isBefore(endsAt());
        }
    }

    /** A series of failures below the limit, remembered until its window ends. */
    private record Failing(int failures, Instant windowEndsAt) implements Attempts {

        @Override
        public Instant endsAt() {
            return windowEndsAt;
        }
    }

    /** Refused until {@code until}; afterwards the key starts afresh. */
    private record Locked(Instant until) implements Attempts {

        @Override
        public Instant endsAt() {
            return until;
        }
    }
}
