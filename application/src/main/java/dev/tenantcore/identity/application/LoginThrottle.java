package dev.tenantcore.identity.application;

import dev.tenantcore.shared.application.ClientNetwork;
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
 * Slows down and then refuses repeated failed password logins, so that guessing passwords online takes an attacker
 * days instead of minutes, without letting anybody use it to lock other people out.
 *
 * <p>The login flow asks {@link #refusal} before it verifies a password and, while a refusal is present, answers 429
 * with {@code Retry-After} without looking at the password. After a wrong password it calls {@link #recordFailure}
 * and waits the returned duration before answering; after a right one it calls {@link #recordSuccess}. The waiting is
 * the caller's so that this class never blocks and a test needs nothing but a clock.
 *
 * <p>Three counts, following {@link LoginThrottlePolicy}:
 * <ul>
 *   <li>an <em>account from one client network</em> (the pair) is locked after 5 failures: a single source, be it
 *       a mistyping script or an attacker behind an office's NAT, locks that account for itself and for nobody
 *       else, and gets 5 guesses per account per 15 minutes;</li>
 *   <li>an <em>account</em> is locked everywhere after 10 failures from all networks together: guessing one
 *       password from many addresses stays bounded too. Since each network stops at 5, this lock takes failures
 *       from two networks or more; it is the one lock that someone else can cause, and the price of bounding a
 *       distributed attack on one account;</li>
 *   <li>a <em>client network</em> over all accounts is never locked: after its first 10 failures, each further
 *       failure answers after a growing delay (capped at 2 s). People behind the same NAT who type their password
 *       right are not delayed at all. What bounds how many accounts one network can try is the per-address rate
 *       limit of the login endpoint, a web concern (see README, "Rate limits").</li>
 * </ul>
 * A series of failures starts with its first failure and lasts one window; reaching a limit within it locks for the
 * lockout, after which the key starts afresh. The window is fixed rather than sliding, which needs one counter per
 * key instead of a list of timestamps; the price is that a series straddling the end of a window can hold up to
 * twice the limit less two, and the slow-down still applies to those. A success clears its account's series and its
 * pair's (and a lock a racing request ran into), never the network's: otherwise an attacker who owns one account
 * could reset the network-wide count between guesses at others.
 *
 * <p>Keys are plain strings: the throttle never learns whether an account exists, so an unknown email is slowed down
 * and refused exactly like a known one, and a 429 reveals nothing about it. Account keys are compared stripped and
 * lower-cased so that {@code Alice@Example.com} cannot buy five more guesses at {@code alice@example.com}. Client
 * addresses must come from the connection or from a proxy the service trusts (never from a header any client can
 * set); they are counted by {@link ClientNetwork}: an IPv6 address by its /64, since one subscriber usually holds a
 * whole /64. Failures without an address count for the account and for one pair of the account with "no address".
 *
 * <p>Memory is bounded. A series or a lock is forgotten when it ends; ended entries are swept once per window; and
 * when more than 100,000 keys are tracked (an attacker spraying random emails), the throttle sweeps and then forgets
 * a tenth of the entries: series of failures before locks, and among them those that would end soonest. Under
 * concurrent calls the bound may be exceeded briefly by the number of callers. Forgetting fails open, on purpose:
 * refusing every new key while full would lock everybody out.
 *
 * <p>The state lives in this process, unlike the API's rate limits, which can share their buckets through Redis:
 * several instances behind a load balancer each count separately, multiplying the limits by their number, and a
 * restart forgets every lock. Sharing it needs a store (a database table, Redis) behind the same three methods.
 */
@Singleton
public final class LoginThrottle {

    static final int DEFAULT_MAX_ENTRIES = 100_000;

    /** The first two failures of an account's series are typing mistakes and answer at once. */
    private static final int ACCOUNT_FAILURES_WITHOUT_DELAY = 2;
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
     * of the account's lock and of the lock of the account for this client network. A client network alone is never
     * refused. The caller answers 429 with {@code Retry-After} set to the duration in whole seconds, rounded up.
     *
     * @param accountKey          the email the attempt names, whether or not such an account exists
     * @param clientAddressOrNull the client's address, or null when unknown
     */
    public Optional<Duration> refusal(String accountKey, String clientAddressOrNull) {
        var now = clock.instant();
        var lockedUntil = now;
        for (var key : lockableKeysOf(accountKey, clientAddressOrNull)) {
            // Ended locks are left for the sweep: removing them here would turn every check into a write.
            if (entries.get(key) instanceof Locked locked && locked.until().isAfter(lockedUntil)) {
                lockedUntil = locked.until();
            }
        }
        return lockedUntil.isAfter(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /**
     * Counts a wrong password against the account, the account from this network, and the network, locking the
     * first two when they reach their limits; the network only ever gets slower.
     *
     * @return how long the caller should wait before answering this failure: the longest of the three counts' delays.
     *         An account's (or pair's) first two failures answer at once, a network's first ten; after that 250 ms,
     *         doubling up to 2 s
     */
    public Duration recordFailure(String accountKey, String clientAddressOrNull) {
        var now = clock.instant();
        var delay = Duration.ZERO;
        for (var key : allKeysOf(accountKey, clientAddressOrNull)) {
            var limit = limitOf(key);
            var attempts = entries.compute(key, (ignored, current) -> afterFailure(current, limit, now));
            delay = max(delay, delayAfter(attempts, limit, failuresWithoutDelay(key)));
        }
        keepBounded(now);
        return delay;
    }

    /**
     * Clears the account's failures and those of the account from this network (and a lock a racing request ran
     * into: the password was right). It never touches the network's own count, see the class comment.
     */
    public void recordSuccess(String accountKey, String clientAddressOrNull) {
        for (var key : lockableKeysOf(accountKey, clientAddressOrNull)) {
            entries.remove(key);
        }
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

    private static Duration delayAfter(Attempts attempts, int limit, int failuresWithoutDelay) {
        var failures = switch (attempts) {
            case Failing failing -> failing.failures();
            case Locked ignored -> limit;
        };
        if (failures <= failuresWithoutDelay) {
            return Duration.ZERO;
        }
        var doublings = Math.min(failures - failuresWithoutDelay - 1, MAX_DOUBLINGS);
        return min(FIRST_DELAY.multipliedBy(1L << doublings), MAX_DELAY);
    }

    /** A network has no limit: its failures only ever add delay, so that nobody can lock a shared address. */
    private int limitOf(Key key) {
        return switch (key.kind()) {
            case PAIR -> policy.pairLimit();
            case ACCOUNT -> policy.accountLimit();
            case NETWORK -> Integer.MAX_VALUE;
        };
    }

    private int failuresWithoutDelay(Key key) {
        return switch (key.kind()) {
            case PAIR, ACCOUNT -> ACCOUNT_FAILURES_WITHOUT_DELAY;
            case NETWORK -> policy.addressFailuresWithoutDelay();
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

    /** The keys that can be locked: the account, and the account from this network (or from no known address). */
    private static List<Key> lockableKeysOf(String accountKey, String clientAddressOrNull) {
        var account = Key.account(accountKey);
        return List.of(account, Key.pair(account, networkOrNone(clientAddressOrNull)));
    }

    private static List<Key> allKeysOf(String accountKey, String clientAddressOrNull) {
        var account = Key.account(accountKey);
        var network = networkOrNone(clientAddressOrNull);
        var pair = Key.pair(account, network);
        return network.isEmpty() ? List.of(account, pair) : List.of(account, pair, Key.network(network));
    }

    /** The empty string for no address: it cannot be a network, and all address-less attempts share it. */
    private static String networkOrNone(String clientAddressOrNull) {
        return clientAddressOrNull == null || clientAddressOrNull.isBlank()
                ? ""
                : ClientNetwork.of(bounded(clientAddressOrNull));
    }

    private static String bounded(String raw) {
        return raw.length() > MAX_KEY_LENGTH ? raw.substring(0, MAX_KEY_LENGTH) : raw;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private enum Kind { ACCOUNT, PAIR, NETWORK }

    /**
     * Accounts, pairs and networks in one map, told apart by kind: an email can never collide with an address.
     * {@code account} is empty for a network, {@code network} for an account.
     */
    private record Key(Kind kind, String account, String network) {

        static Key account(String accountKey) {
            return new Key(Kind.ACCOUNT, normalized(Objects.requireNonNull(accountKey, "accountKey")), "");
        }

        static Key pair(Key account, String network) {
            return new Key(Kind.PAIR, account.account(), network);
        }

        /** Already stripped and lower-cased by {@link ClientNetwork}. */
        static Key network(String network) {
            return new Key(Kind.NETWORK, "", network);
        }

        private static String normalized(String raw) {
            return bounded(raw.strip()).toLowerCase(Locale.ROOT);
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
