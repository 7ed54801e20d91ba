package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.20";

    private final MutableClock clock = new MutableClock(START);
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(int times, String accountKey, String clientAddressOrNull) {
        for (var i = 0; i < times; i++) {
            throttle.recordFailure(accountKey, clientAddressOrNull);
        }
    }

    /** One failure each on {@code count} distinct accounts, so that only the address's count grows. */
    private void failOnDistinctAccounts(int count, String clientAddress) {
        for (var i = 0; i < count; i++) {
            throttle.recordFailure("sprayed-" + i + "@example.com", clientAddress);
        }
    }

    @Test
    void theDefaultPolicyIsTheIssues() {
        assertThat(LoginThrottlePolicy.DEFAULT)
                .isEqualTo(new LoginThrottlePolicy(5, 10, 10, FIFTEEN_MINUTES, FIFTEEN_MINUTES));
    }

    @Test
    void refusesAnEntryBoundBelowOne() {
        assertThatThrownBy(() -> new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries");
    }

    @Test
    void refusesAMissingAccountKeyRatherThanCountingItUnderNull() {
        assertThatThrownBy(() -> throttle.recordFailure(null, ADDRESS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> throttle.refusal(null, ADDRESS)).isInstanceOf(NullPointerException.class);
        assertThat(throttle.trackedEntries()).isZero();
    }

    @Nested
    class PairLock {

        @Test
        void letsFourFailuresThroughAndLocksOnTheFifth() {
            fail(4, ALICE, ADDRESS);
            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();

            throttle.recordFailure(ALICE, ADDRESS);

            assertThat(throttle.refusal(ALICE, ADDRESS)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void locksTheAccountForThatNetworkAndForNoOther() {
            // A mistyping script, or an attacker behind an office's NAT.
            fail(5, ALICE, ADDRESS);

            assertThat(throttle.refusal(ALICE, OTHER_ADDRESS)).as("the owner at home").isEmpty();
            assertThat(throttle.refusal(ALICE, null)).isEmpty();
            assertThat(throttle.refusal(BOB, ADDRESS)).as("a colleague in the same office").isEmpty();
        }

        @Test
        void leavesOtherAccountsAlone() {
            fail(5, ALICE, null);

            assertThat(throttle.refusal(BOB, null)).isEmpty();
            assertThat(throttle.refusal(BOB, ADDRESS)).isEmpty();
        }

        @Test
        void aFailureThatRacedPastTheLockNeitherExtendsNorShortensIt() {
            fail(5, ALICE, null);
            clock.advance(Duration.ofMinutes(5));

            throttle.recordFailure(ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).contains(Duration.ofMinutes(10));
        }

        @Test
        void comparesAccountKeysStrippedAndLowerCased() {
            fail(2, "Alice@Example.COM", null);
            fail(2, " alice@example.com\t", null);
            throttle.recordFailure(ALICE, null);

            assertThat(throttle.refusal("ALICE@EXAMPLE.COM", null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void comparesAddressesStrippedAndLowerCased() {
            fail(3, ALICE, "2001:DB8::1");
            fail(2, ALICE, " 2001:db8::1 ");

            assertThat(throttle.refusal(ALICE, "2001:db8::1")).contains(FIFTEEN_MINUTES);
        }

        @Test
        void countsAnIpv6ClientByItsSlash64() {
            for (var i = 1; i <= 5; i++) {
                throttle.recordFailure(ALICE, "2001:db8:1:2::" + i);
            }

            assertThat(throttle.refusal(ALICE, "2001:db8:1:2:ffff:ffff:ffff:ffff")).contains(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(ALICE, "2001:db8:1:3::1")).as("the next /64").isEmpty();
        }
    }

    @Nested
    class AccountLock {

        @Test
        void locksTheAccountEverywhereAfterTenFailuresFromSeveralNetworks() {
            fail(5, ALICE, ADDRESS);
            fail(4, ALICE, OTHER_ADDRESS);
            assertThat(throttle.refusal(ALICE, "192.0.2.1")).isEmpty();

            throttle.recordFailure(ALICE, OTHER_ADDRESS);

            assertThat(throttle.refusal(ALICE, "192.0.2.1")).contains(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(BOB, "192.0.2.1")).isEmpty();
        }

        @Test
        void oneNetworkAloneCannotLockTheAccountElsewhere() {
            // Refused attempts are not counted, so a single source stops at the pair's limit.
            for (var i = 0; i < 100; i++) {
                if (throttle.refusal(ALICE, ADDRESS).isEmpty()) {
                    throttle.recordFailure(ALICE, ADDRESS);
                }
            }

            assertThat(throttle.refusal(ALICE, ADDRESS)).isPresent();
            assertThat(throttle.refusal(ALICE, OTHER_ADDRESS)).isEmpty();
        }

        @Test
        void refusesUntilTheLaterOfTheAccountAndThePairLock() {
            fail(5, ALICE, ADDRESS);
            fail(5, ALICE, OTHER_ADDRESS);
            clock.advance(Duration.ofMinutes(5));
            fail(5, ALICE, "192.0.2.1"); // requests that raced past the account's lock

            assertThat(throttle.refusal(ALICE, "192.0.2.1")).contains(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(ALICE, "192.0.2.2")).contains(Duration.ofMinutes(10));
        }
    }

    @Nested
    class SharedNetwork {

        @Test
        void neverLocksANetworkWhateverItsFailures() {
            failOnDistinctAccounts(1_000, ADDRESS);

            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();
            assertThat(throttle.refusal("sprayed-0@example.com", ADDRESS)).isEmpty();
        }

        @Test
        void slowsDownOnlyTheFailuresOfAnOfficeBehindOneAddress() {
            failOnDistinctAccounts(100, ADDRESS); // a script mistyping every colleague's password

            assertThat(throttle.refusal(ALICE, ADDRESS)).as("a colleague who types it right").isEmpty();
            assertThat(throttle.recordFailure(BOB, ADDRESS)).as("a colleague who mistypes")
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(throttle.recordFailure(BOB, OTHER_ADDRESS)).as("elsewhere").isZero();
        }

        @Test
        void countsAnIpv6NetworkByItsSlash64() {
            for (var i = 0; i < 10; i++) {
                throttle.recordFailure("sprayed-" + i + "@example.com", "2001:db8:1:2::" + Integer.toHexString(i + 1));
            }

            assertThat(throttle.recordFailure(ALICE, "2001:db8:1:2:aaaa::1")).isEqualTo(Duration.ofMillis(250));
            assertThat(throttle.recordFailure(BOB, "2001:db8:1:3::1")).as("the next /64").isZero();
        }
    }

    @Nested
    class NoAddress {

        @Test
        void failuresWithoutAnAddressShareOnePairPerAccount() {
            fail(5, ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();
        }

        @Test
        void failuresWithoutAnAddressAreNotSlowedDownAsOneNetwork() {
            failOnDistinctAccounts(20, null);
            failOnDistinctAccounts(20, " ");

            assertThat(throttle.recordFailure(ALICE, null)).isZero();
            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();
            assertThat(throttle.trackedEntries()).as("an account and a pair each").isEqualTo(2 * 21);
        }
    }

    @Nested
    class Lockout {

        @Test
        void retryAfterCountsDownWithTheClock() {
            fail(5, ALICE, null);

            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.refusal(ALICE, null)).contains(Duration.ofMinutes(14));

            clock.advance(Duration.ofMinutes(13).plusSeconds(59).plusMillis(500));
            assertThat(throttle.refusal(ALICE, null)).contains(Duration.ofMillis(500));
        }

        @Test
        void endsAfterTheLockoutAndTheAccountStartsAfresh() {
            fail(5, ALICE, null);

            clock.advance(FIFTEEN_MINUTES);
            assertThat(throttle.refusal(ALICE, null)).isEmpty();

            fail(4, ALICE, null);
            assertThat(throttle.refusal(ALICE, null)).as("a fresh series of four").isEmpty();
            throttle.recordFailure(ALICE, null);
            assertThat(throttle.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void endsAfterTheLockoutForTheAccountToo() {
            fail(5, ALICE, ADDRESS);
            fail(5, ALICE, OTHER_ADDRESS);

            clock.advance(FIFTEEN_MINUTES.minusNanos(1));
            assertThat(throttle.refusal(ALICE, "192.0.2.1")).contains(Duration.ofNanos(1));
            clock.advance(Duration.ofNanos(1));
            assertThat(throttle.refusal(ALICE, "192.0.2.1")).isEmpty();
        }

        @Test
        void followsAPolicyWithOtherNumbers() {
            var strict = new LoginThrottle(clock,
                    new LoginThrottlePolicy(2, 3, 0, Duration.ofMinutes(1), Duration.ofHours(1)));

            assertThat(strict.recordFailure(ALICE, ADDRESS)).as("no free failure for the network")
                    .isEqualTo(Duration.ofMillis(250));
            strict.recordFailure(ALICE, ADDRESS);
            assertThat(strict.refusal(ALICE, ADDRESS)).contains(Duration.ofHours(1));
            assertThat(strict.refusal(ALICE, OTHER_ADDRESS)).isEmpty();

            strict.recordFailure(ALICE, OTHER_ADDRESS);
            assertThat(strict.refusal(ALICE, "192.0.2.1")).contains(Duration.ofHours(1));
        }
    }

    @Nested
    class Window {

        @Test
        void failuresOlderThanTheWindowNoLongerCount() {
            fail(4, ALICE, null);
            clock.advance(FIFTEEN_MINUTES);

            fail(4, ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).isEmpty();
        }

        @Test
        void theWindowRunsFromTheFirstFailureOfTheSeries() {
            throttle.recordFailure(ALICE, null);
            clock.advance(FIFTEEN_MINUTES.minusSeconds(1));
            fail(3, ALICE, null);
            clock.advance(Duration.ofSeconds(1));

            throttle.recordFailure(ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).as("a new series of one").isEmpty();
        }

        @Test
        void fiveFailuresJustInsideTheWindowLock() {
            fail(4, ALICE, null);
            clock.advance(FIFTEEN_MINUTES.minusNanos(1));

            throttle.recordFailure(ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void theNetworksSlowDownEndsWithItsWindow() {
            failOnDistinctAccounts(12, ADDRESS);
            clock.advance(FIFTEEN_MINUTES);

            assertThat(throttle.recordFailure(ALICE, ADDRESS)).isZero();
        }
    }

    @Nested
    class Success {

        @Test
        void clearsTheAccountsFailures() {
            fail(4, ALICE, ADDRESS);

            throttle.recordSuccess(ALICE, ADDRESS);
            fail(4, ALICE, null);

            assertThat(throttle.refusal(ALICE, null)).isEmpty();
            throttle.recordFailure(ALICE, null);
            assertThat(throttle.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void clearsThePairsFailuresForThatNetwork() {
            fail(4, ALICE, ADDRESS);
            fail(4, ALICE, OTHER_ADDRESS);

            throttle.recordSuccess(ALICE, ADDRESS);
            fail(4, ALICE, ADDRESS);
            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();
            throttle.recordFailure(ALICE, OTHER_ADDRESS);
            assertThat(throttle.refusal(ALICE, OTHER_ADDRESS)).as("not the other network's")
                    .contains(FIFTEEN_MINUTES);
        }

        @Test
        void doesNotLiftAnotherNetworksLock() {
            // The owner logs in from home while an attacker's network is locked out of the account.
            fail(5, ALICE, ADDRESS);

            throttle.recordSuccess(ALICE, OTHER_ADDRESS);

            assertThat(throttle.refusal(ALICE, ADDRESS)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void withoutAnAddressClearsTheAccountOnly() {
            fail(5, ALICE, ADDRESS);

            throttle.recordSuccess(ALICE, null);

            assertThat(throttle.refusal(ALICE, ADDRESS)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void doesNotClearTheNetworksFailures() {
            // An attacker who owns one account logs into it between guesses at others.
            failOnDistinctAccounts(13, ADDRESS);
            throttle.recordSuccess("attacker@example.com", ADDRESS);

            assertThat(throttle.recordFailure("victim@example.com", ADDRESS)).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void clearsNoOtherAccount() {
            fail(4, BOB, null);

            throttle.recordSuccess(ALICE, null);
            throttle.recordFailure(BOB, null);

            assertThat(throttle.refusal(BOB, null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void liftsALockThatARacingRequestRanIntoSinceThePasswordWasRight() {
            fail(5, ALICE, ADDRESS);

            throttle.recordSuccess(ALICE, ADDRESS);

            assertThat(throttle.refusal(ALICE, ADDRESS)).isEmpty();
        }

        @Test
        void restartsTheAccountsSlowDown() {
            fail(4, ALICE, null);

            throttle.recordSuccess(ALICE, null);

            assertThat(throttle.recordFailure(ALICE, null)).isZero();
        }
    }

    @Nested
    class UnknownAccounts {

        /** Everything the caller could observe, for one account key, through one sequence of calls. */
        private List<Object> observe(LoginThrottle fresh, String accountKey) {
            var observed = new ArrayList<Object>();
            for (var i = 0; i < 6; i++) {
                observed.add(fresh.refusal(accountKey, ADDRESS));
                observed.add(fresh.recordFailure(accountKey, ADDRESS));
            }
            clock.advance(FIFTEEN_MINUTES);
            observed.add(fresh.refusal(accountKey, ADDRESS));
            fresh.recordSuccess(accountKey, ADDRESS);
            observed.add(fresh.recordFailure(accountKey, ADDRESS));
            return observed;
        }

        @Test
        void areThrottledExactlyLikeKnownOnes() {
            // The throttle holds no accounts: "known" and "unknown" are just two strings to it, which is the point.
            var known = observe(new LoginThrottle(clock), "registered@example.com");
            var unknown = observe(new LoginThrottle(clock), "nobody@example.com");

            assertThat(unknown).isEqualTo(known);
            assertThat(known).as("the sequence reached a lock").contains(Optional.of(FIFTEEN_MINUTES));
        }
    }

    @Nested
    class SlowDown {

        private static final Duration NONE = Duration.ZERO;

        @Test
        void growsFromTheThirdFailureOfAnAccountUntilTheLock() {
            var delays = new ArrayList<Duration>();
            for (var i = 0; i < 5; i++) {
                delays.add(throttle.recordFailure(ALICE, null));
            }

            assertThat(delays).containsExactly(NONE, NONE, Duration.ofMillis(250), Duration.ofMillis(500),
                    Duration.ofSeconds(1));
        }

        @Test
        void growsFromTheEleventhFailureOfANetworkAndStaysAtTwoSeconds() {
            var delays = new ArrayList<Duration>();
            for (var i = 0; i < 16; i++) {
                delays.add(throttle.recordFailure("sprayed-" + i + "@example.com", ADDRESS));
            }

            assertThat(delays.subList(0, 10)).containsOnly(NONE);
            assertThat(delays.subList(10, 16)).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        }

        @Test
        void takesTheSlowerOfTheAccountAndTheNetwork() {
            failOnDistinctAccounts(12, ADDRESS);
            fail(2, ALICE, null);

            assertThat(throttle.recordFailure(ALICE, ADDRESS)).as("network at 13, account at 3")
                    .isEqualTo(Duration.ofSeconds(1));
            assertThat(throttle.recordFailure(BOB, OTHER_ADDRESS)).as("a first failure elsewhere").isZero();
        }

        @Test
        void staysCappedForAnyNumberOfFailures() {
            var lenient = new LoginThrottle(clock,
                    new LoginThrottlePolicy(1_000, 1_000, 10, FIFTEEN_MINUTES, FIFTEEN_MINUTES));

            for (var i = 0; i < 100; i++) {
                lenient.recordFailure(ALICE, null);
            }

            assertThat(lenient.recordFailure(ALICE, null)).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void aFailureThatRacedPastThePairLockIsSlowedDownAtLeastLikeTheLockingOne() {
            fail(4, ALICE, null);
            var locking = throttle.recordFailure(ALICE, null);

            assertThat(locking).isEqualTo(Duration.ofSeconds(1));
            // The pair's lock stands still; the account, below its own limit, counts the sixth failure.
            assertThat(throttle.recordFailure(ALICE, null)).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void restartsWithANewWindow() {
            fail(4, ALICE, null);
            clock.advance(FIFTEEN_MINUTES);

            assertThat(throttle.recordFailure(ALICE, null)).isZero();
        }
    }

    @Nested
    class Concurrency {

        private static final int THREADS = 9;
        private static final int FAILURES_PER_THREAD = 111;
        private static final int LIMIT = THREADS * FAILURES_PER_THREAD + 1;

        /** Runs {@code work(thread)} on every thread at once and waits for all of them, failing on any exception. */
        private void onAllThreadsAtOnce(ThreadWork work) throws Exception {
            var start = new CountDownLatch(1);
            try (ExecutorService executor = Executors.newFixedThreadPool(THREADS)) {
                var results = new ArrayList<Future<Void>>();
                for (var thread = 0; thread < THREADS; thread++) {
                    var number = thread;
                    Callable<Void> task = () -> {
                        start.await();
                        work.run(number);
                        return null;
                    };
                    results.add(executor.submit(task));
                }
                start.countDown();
                for (var result : results) {
                    result.get();
                }
            }
        }

        @FunctionalInterface
        private interface ThreadWork {
            void run(int thread) throws Exception;
        }

        @Test
        void losesNoAccountFailureUnderContention() throws Exception {
            var throttle = new LoginThrottle(clock,
                    new LoginThrottlePolicy(LIMIT, LIMIT, 10, FIFTEEN_MINUTES, FIFTEEN_MINUTES));

            onAllThreadsAtOnce(thread -> {
                for (var i = 0; i < FAILURES_PER_THREAD; i++) {
                    throttle.recordFailure(ALICE, null);
                }
            });

            assertThat(throttle.refusal(ALICE, null)).as("one failure short of the limit").isEmpty();
            throttle.recordFailure(ALICE, null);
            assertThat(throttle.refusal(ALICE, null)).as("exactly at the limit").contains(FIFTEEN_MINUTES);
        }

        @Test
        void losesNoNetworkFailureUnderContention() throws Exception {
            var throttle = new LoginThrottle(clock,
                    new LoginThrottlePolicy(5, 10, LIMIT, FIFTEEN_MINUTES, FIFTEEN_MINUTES));

            onAllThreadsAtOnce(thread -> {
                for (var i = 0; i < FAILURES_PER_THREAD; i++) {
                    throttle.recordFailure("t" + thread + "-" + i + "@example.com", ADDRESS);
                }
            });

            assertThat(throttle.recordFailure(ALICE, ADDRESS)).as("the last failure without delay").isZero();
            assertThat(throttle.recordFailure(BOB, ADDRESS)).as("the first one slowed down")
                    .isEqualTo(Duration.ofMillis(250));
        }

        @Test
        void staysNearItsBoundWhileManyThreadsSprayNewKeys() throws Exception {
            var maxEntries = 500;
            var throttle = new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, maxEntries);

            onAllThreadsAtOnce(thread -> {
                for (var i = 0; i < 2_000; i++) {
                    throttle.recordFailure("t" + thread + "-" + i + "@example.com", null);
                }
            });

            // Between one caller's inserts and its eviction, the other callers may each have inserted an account and
            // a pair more.
            assertThat(throttle.trackedEntries()).isLessThanOrEqualTo(maxEntries + 2 * THREADS);
        }
    }

    @Nested
    class MemoryBound {

        @Test
        void neverHoldsMoreThanItsBoundWhenRandomEmailsAreSprayed() {
            var maxEntries = 1_000;
            var bounded = new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, maxEntries);

            var largest = 0;
            for (var i = 0; i < 10 * maxEntries; i++) {
                bounded.recordFailure("random-" + i + "@example.com", null);
                largest = Math.max(largest, bounded.trackedEntries());
            }

            assertThat(largest).isEqualTo(maxEntries);
        }

        @Test
        void countsAccountsAndAddressesAgainstTheSameBound() {
            var maxEntries = 100;
            var bounded = new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, maxEntries);

            for (var i = 0; i < 1_000; i++) {
                bounded.recordFailure("random-" + i + "@example.com", "10.0." + i / 250 + "." + i % 250);
                assertThat(bounded.trackedEntries()).isLessThanOrEqualTo(maxEntries);
            }
        }

        @Test
        void keepsLocksWhileEvictingSprayedFailures() {
            var maxEntries = 100;
            var bounded = new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, maxEntries);
            for (var i = 0; i < 5; i++) {
                bounded.recordFailure(ALICE, null);
            }

            for (var i = 0; i < 10 * maxEntries; i++) {
                bounded.recordFailure("random-" + i + "@example.com", null);
            }

            assertThat(bounded.refusal(ALICE, null)).contains(FIFTEEN_MINUTES);
        }

        @Test
        void evictsTheSeriesThatWouldEndSoonestFirst() {
            // Every failure without an address is two entries: the account and its pair with no address.
            var bounded = new LoginThrottle(clock, LoginThrottlePolicy.DEFAULT, 20);
            bounded.recordFailure("old@example.com", null);
            bounded.recordFailure("old@example.com", null);
            clock.advance(Duration.ofMinutes(1));
            for (var i = 0; i < 8; i++) {
                bounded.recordFailure("filler-" + i + "@example.com", null);
            }
            clock.advance(Duration.ofMinutes(1));
            bounded.recordFailure("recent@example.com", null);
            bounded.recordFailure("recent@example.com", null);
            clock.advance(Duration.ofMinutes(1));

            bounded.recordFailure("eleventh@example.com", null);

            assertThat(bounded.trackedEntries()).as("a tenth evicted below the bound").isEqualTo(18);
            assertThat(bounded.recordFailure("recent@example.com", null)).as("third failure, remembered")
                    .isEqualTo(Duration.ofMillis(250));
            assertThat(bounded.recordFailure("old@example.com", null)).as("first failure, forgotten").isZero();
        }

        @Test
        void sweepsEndedSeriesOnceAWindowHasPassedEvenBelowTheBound() {
            failOnDistinctAccounts(50, ADDRESS);
            assertThat(throttle.trackedEntries()).as("50 accounts, 50 pairs and the network").isEqualTo(101);

            clock.advance(FIFTEEN_MINUTES);
            throttle.recordFailure(ALICE, null);

            assertThat(throttle.trackedEntries()).as("Alice and her pair").isEqualTo(2);
        }

        @Test
        void sweepsEndedLocksToo() {
            fail(5, ALICE, ADDRESS);
            fail(5, ALICE, OTHER_ADDRESS);

            clock.advance(FIFTEEN_MINUTES);
            throttle.recordFailure(BOB, null);

            assertThat(throttle.trackedEntries()).as("Bob and his pair").isEqualTo(2);
        }

        @Test
        void boundsTheLengthOfAKeySoHugeEmailsCannotDefeatTheEntryBound() {
            var huge = "a".repeat(1_000_000) + "@example.com";
            var sameFirst320 = "a".repeat(1_000_000) + "@example.org";

            fail(3, huge, null);
            fail(2, sameFirst320, null);

            assertThat(throttle.refusal(huge, null)).as("both cut to one key").contains(FIFTEEN_MINUTES);
            assertThat(throttle.trackedEntries()).as("one account and its pair").isEqualTo(2);
        }
    }
}
